package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Evidence.ACTIVITY_LOGGING;
import static io.redflag.domain.scoring.Evidence.CONTACT_ROLES;
import static io.redflag.domain.scoring.Evidence.FIELD_HISTORY;
import static io.redflag.domain.scoring.Evidence.REVENUE_HISTORY;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The risk signals of SIGNALS.md, each with the inputs it needs to speak. Some rest on the absence of
 * something (no recent activity, no engaged executive, nothing planned): where their inputs are missing, what
 * they find is the CRM's gap, not the customer's, and is not counted. The others rest on something present
 * (a departure, a case, a lost deal): what they find counts whatever else is missing.
 */
public enum Signal {
    ACTIVITY_DECLINE(true, ACTIVITY_LOGGING),
    CONTACT_SILENT(true, ACTIVITY_LOGGING, CONTACT_ROLES),
    UNRETURNED_OUTREACH(true, ACTIVITY_LOGGING),
    KEY_CONTACT_LEFT(false, CONTACT_ROLES),
    SINGLE_THREADED(true, ACTIVITY_LOGGING, CONTACT_ROLES),
    NO_EXECUTIVE_ACCESS(true, ACTIVITY_LOGGING, CONTACT_ROLES),
    EXECUTIVE_CHANGE(false, CONTACT_ROLES),
    OWNER_CHANGE(false, FIELD_HISTORY),
    COMPLAINTS(false),
    REVENUE_DECLINE(false, REVENUE_HISTORY),
    PIPELINE_STALL(false, FIELD_HISTORY),
    LOST_TO_COMPETITOR(false),
    STALE_PLAN(true, ACTIVITY_LOGGING),
    /** Renewals and expansion missing from the pipeline of a key account (scope shrinking ahead). */
    PIPELINE_COVERAGE(true);

    private final boolean restsOnAbsence;
    private final Set<Evidence> needs;

    Signal(boolean restsOnAbsence, Evidence... needs) {
        this.restsOnAbsence = restsOnAbsence;
        this.needs = Collections.unmodifiableSet(needs.length == 0 ? EnumSet.noneOf(Evidence.class)
                : EnumSet.of(needs[0], needs));
    }

    /** The inputs this signal needs: without them its silence proves nothing. */
    public Set<Evidence> needs() {
        return needs;
    }

    /** Fires on something missing: without its inputs, what it finds is not counted as risk. */
    public boolean restsOnAbsence() {
        return restsOnAbsence;
    }

    /** Rests on logged activity: silence may mean the rep stopped logging (evidence quality). */
    public boolean activityBased() {
        return needs.contains(ACTIVITY_LOGGING);
    }
}
