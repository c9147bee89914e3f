package io.redflag.domain.scoring;

/** The risk signals of SIGNALS.md. */
public enum Signal {
    ACTIVITY_DECLINE(true),
    CONTACT_SILENT(true),
    UNRETURNED_OUTREACH(true),
    KEY_CONTACT_LEFT(false),
    SINGLE_THREADED(true),
    NO_EXECUTIVE_ACCESS(true),
    EXECUTIVE_CHANGE(false),
    OWNER_CHANGE(false),
    COMPLAINTS(false),
    REVENUE_DECLINE(false),
    PIPELINE_STALL(false),
    LOST_TO_COMPETITOR(false),
    STALE_PLAN(true);

    private final boolean activityBased;

    Signal(boolean activityBased) {
        this.activityBased = activityBased;
    }

    /** Rests on logged activity: silence may mean the rep stopped logging (evidence quality). */
    public boolean activityBased() {
        return activityBased;
    }
}
