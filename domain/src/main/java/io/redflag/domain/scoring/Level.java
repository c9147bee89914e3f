package io.redflag.domain.scoring;

/**
 * The health level, labelled as the CRM's Risk_Level__c picklist spells it. UNKNOWN: no risk found, but too few
 * signals had their inputs to call the account healthy.
 */
public enum Level {
    HEALTHY("Healthy"), WATCH("Watch"), AT_RISK("At Risk"), CRITICAL("Critical"), UNKNOWN("Unknown");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Level ofLabel(String label) {
        for (Level l : values()) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not a level (Healthy, Watch, At Risk, Critical,"
                + " Unknown)");
    }
}
