package io.redflag.service.store;

/**
 * What makes a Task one of Redflag's own follow-ups: it carries a signal key ({@code Risk_Signal_Key__c}, the
 * task property {@code signalKey}). The one place that says so for the store: the scorecard leaves these out of
 * the rep's activity, the sync queues no account when one changes, and the follow-up ledger's pre-filter counts
 * them. The follow-up rules themselves (weekly cap, cooldown) count the CRM's tasks, where Redflag's own are
 * also created by its integration user: that rule is the connector's {@code writeback.FollowUpTasks}.
 */
public final class OwnTasks {
    /** SQL condition on the task table: Redflag's own follow-ups. */
    public static final String OWN = "signal_key IS NOT NULL";
    /** SQL condition on the task table: everything else, the activity reps and customers log. */
    public static final String NOT_OWN = "signal_key IS NULL";
    /** The task column that holds the signal key. */
    static final String COLUMN = "signal_key";

    private OwnTasks() {
    }

    /** Whether a task row whose signal key column holds this value is one of Redflag's own follow-ups. */
    static boolean isOwn(Object signalKey) {
        return signalKey != null;
    }
}
