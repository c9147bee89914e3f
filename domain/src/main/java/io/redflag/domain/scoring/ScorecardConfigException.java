package io.redflag.domain.scoring;

/** A scorecard setting that cannot work, naming its key, its value and what would be valid. */
public final class ScorecardConfigException extends IllegalArgumentException {
    private final String key;

    public ScorecardConfigException(String key, Object value, String valid) {
        super("scorecard setting " + key + " = " + (value == null ? "(missing)" : "'" + value + "'") + " is not valid;"
                + " expected " + valid);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
