package io.redflag.domain.scoring;

/**
 * The inputs the signals rest on. An org may lack any of them (reps who log no activity, contacts without
 * roles or titles, a CRM that starts last year, no field history): a signal without its inputs cannot speak,
 * and its silence is no evidence of health.
 */
public enum Evidence {
    /** The owner logs activity: interactions per owned account in 90 days at least minimumLoggingPerAccount. */
    ACTIVITY_LOGGING("activity logging"),
    /** The account's contacts have buying roles or titles, so its key contacts can be told. */
    CONTACT_ROLES("contacts with roles or titles"),
    /** The account's deals reach back over the whole revenue history window (rules.revenueHistoryMonths, 24). */
    REVENUE_HISTORY("revenue history"),
    /** The CRM's field history reaches Redflag: account history or opportunity history rows. */
    FIELD_HISTORY("field history");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    /** In words, for explanations. */
    public String label() {
        return label;
    }
}
