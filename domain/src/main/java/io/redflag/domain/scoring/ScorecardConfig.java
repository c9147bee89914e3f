package io.redflag.domain.scoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every weight, window and threshold of the scorecard, with SIGNALS.md's defaults. Plain records: a YAML
 * file binds onto them by property name. {@link #validate()} names the bad key, its value and what is valid.
 *
 * @param version                a name for this configuration, stored with every assessment
 * @param strategicMultiplier    points of risks are multiplied by this for the strategic segment (stricter)
 * @param positiveCap            the most positive evidence may add back; never more than a quarter of the
 *                               risk points, so good news softens a risk but never hides it
 * @param minimumLoggingPerAccount interactions per owned account in 90 days below which an owner's
 *                               activity-based findings are reported as insufficient evidence
 * @param minimumCoverage        the share of signals (0 to 1) that must have their inputs for an account
 *                               without risks to be Healthy; below it the level is Unknown
 */
public record ScorecardConfig(String version, Levels levels, Map<Signal, Weight> weights, Rules rules,
        double strategicMultiplier, int positiveCap, double minimumLoggingPerAccount, double minimumCoverage,
        List<String> executiveTitles, List<String> keyContactTitles, List<String> competitiveLossReasons,
        FollowUps followUps) {

    /** Lowest score of each level; below {@code atRisk} is Critical. */
    public record Levels(int healthy, int watch, int atRisk) {
    }

    /** Points per finding, the most one signal may take, and the usual severity. */
    public record Weight(int points, int cap, Severity severity) {
    }

    /**
     * Windows (days) and thresholds of the signals.
     *
     * @param replyLoggingShare a user visibly logs inbound replies when, over the activity baseline window and
     *                          across all their accounts, the replies they logged are at least this share of the
     *                          emails they sent; only then is their unreplied email evidence of no answer
     * @param revenueWindowMonths  the trailing window of won revenue (REVENUE_DECLINE, PIPELINE_COVERAGE)
     * @param revenueHistoryMonths how far back REVENUE_DECLINE compares: the window against the months before
     *                             it; deals reaching back this far make the account's revenue history
     * @param pipelineHorizonMonths open deals due within this many months make the pipeline ahead
     * @param pipelineCoverageRatio PIPELINE_COVERAGE fires when that pipeline (stage-weighted where the
     *                              mapping gives probabilities) is below this share of the trailing won revenue
     */
    public record Rules(int activityWindowDays, int activityBaselineDays, double activityDeclineRatio,
            double activityMinimumPerMonth, double silenceMultiplier, int silenceMinimumDays, int outreachWindowDays,
            int outreachMinimumAttempts, double outreachUnansweredShare, int replyWindowDays, int engagedWindowDays,
            int minimumEngagedContacts, int executiveAccessDays, int executiveChangeDays, int ownerChangeDays,
            int caseOpenDays, int caseVolumeDays, double caseVolumeRatio, double revenueDeclineRatio,
            int stallPushes, int stallPushDays, int competitorLossDays, int stalePlanDays, int newContactDays,
            double replyLoggingShare, int revenueWindowMonths, int revenueHistoryMonths, int pipelineHorizonMonths,
            double pipelineCoverageRatio) {
    }

    /**
     * @param keyAccountsOnly tasks only for key accounts
     * @param perOwnerPerWeek at most this many automatic tasks per owner per week, most severe first
     * @param overCap         what a HIGH or CRITICAL finding on a key account does when its assignee's week is
     *                        full: {@value #ALWAYS} (it gets its task on top of the cap) or {@value #REPLACE} (it
     *                        takes the place of one of the assignee's untouched LOW or MEDIUM tasks of the week,
     *                        and gets its task on top only when there is none)
     * @param cooldownDays    after a task is closed, its key makes no new task for this long
     */
    public record FollowUps(boolean keyAccountsOnly, int perOwnerPerWeek, String overCap, int cooldownDays,
            Map<Signal, Playbook> playbooks) {
        public static final String ALWAYS = "always";
        public static final String REPLACE = "replace";

        /** Whether a severe finding over the cap takes the place of a less severe task (see {@code overCap}). */
        public boolean replacesOverCap() {
            return REPLACE.equals(overCap);
        }
    }

    /** A signal's task: the subject ({name} is the account, {subject} the record it is about), priority, days to due. */
    public record Playbook(String subject, String action, String priority, int dueInDays) {
    }

    public static ScorecardConfig defaults() {
        Map<Signal, Weight> w = new EnumMap<>(Signal.class);
        // Calibrated on the demo org: one medium or high signal takes a strategic key account (points x 1.25)
        // from Healthy to Watch; two take it to At Risk; a critical one holds it at At Risk or worse.
        w.put(Signal.ACTIVITY_DECLINE, new Weight(28, 28, Severity.MEDIUM));
        w.put(Signal.CONTACT_SILENT, new Weight(28, 40, Severity.MEDIUM));
        w.put(Signal.UNRETURNED_OUTREACH, new Weight(28, 28, Severity.MEDIUM));
        w.put(Signal.KEY_CONTACT_LEFT, new Weight(32, 48, Severity.HIGH));
        w.put(Signal.SINGLE_THREADED, new Weight(28, 28, Severity.MEDIUM));
        w.put(Signal.NO_EXECUTIVE_ACCESS, new Weight(28, 28, Severity.MEDIUM));
        w.put(Signal.EXECUTIVE_CHANGE, new Weight(16, 32, Severity.MEDIUM));
        w.put(Signal.OWNER_CHANGE, new Weight(28, 45, Severity.HIGH));
        w.put(Signal.COMPLAINTS, new Weight(12, 40, Severity.MEDIUM));
        w.put(Signal.REVENUE_DECLINE, new Weight(32, 32, Severity.HIGH));
        w.put(Signal.PIPELINE_STALL, new Weight(16, 32, Severity.MEDIUM));
        w.put(Signal.LOST_TO_COMPETITOR, new Weight(28, 40, Severity.HIGH));
        w.put(Signal.STALE_PLAN, new Weight(14, 28, Severity.LOW));
        w.put(Signal.PIPELINE_COVERAGE, new Weight(28, 28, Severity.MEDIUM));
        Map<Signal, Playbook> p = new EnumMap<>(Signal.class);
        p.put(Signal.KEY_CONTACT_LEFT, new Playbook("Meet the successor of {subject} at {name}",
                "Meet the successor within 14 days and map every decision maker again.", "High", 14));
        p.put(Signal.CONTACT_SILENT, new Playbook("Reach out to {subject} at {name}",
                "Reach out to the contact: they have gone quiet against their usual rhythm.", "Normal", 7));
        p.put(Signal.UNRETURNED_OUTREACH, new Playbook("Find a new way in at {name}",
                "Calls and emails go unanswered: ask a sponsor for an introduction or change the channel.",
                "Normal", 7));
        p.put(Signal.SINGLE_THREADED, new Playbook("Multi-thread {name}",
                "Get introduced to at least two more decision makers.", "Normal", 14));
        p.put(Signal.NO_EXECUTIVE_ACCESS, new Playbook("Get executive access at {name}",
                "Get introduced to an executive: the relationship is not at C or D level.", "Normal", 21));
        p.put(Signal.EXECUTIVE_CHANGE, new Playbook("Meet the new leadership at {name}",
                "Meet the new executive and review the account plan against their agenda.", "High", 14));
        p.put(Signal.OWNER_CHANGE, new Playbook("Transition plan for {name}",
                "Write a transition plan and introduce the new owner to every key contact.", "High", 7));
        p.put(Signal.COMPLAINTS, new Playbook("Resolve open complaints at {name}",
                "Resolve the named cases and call the person who raised them.", "High", 5));
        p.put(Signal.REVENUE_DECLINE, new Playbook("Account review: revenue is slipping at {name}",
                "Hold an account review to diagnose new dissatisfaction.", "High", 14));
        p.put(Signal.ACTIVITY_DECLINE, new Playbook("Account review: engagement is dropping at {name}",
                "Hold an account review to diagnose new dissatisfaction.", "Normal", 14));
        p.put(Signal.PIPELINE_STALL, new Playbook("Re-qualify {subject}",
                "Re-qualify the deal and write its next step.", "Normal", 7));
        p.put(Signal.LOST_TO_COMPETITOR, new Playbook("Competitor inside {name}",
                "Find out what the competitor won with and protect the remaining business.", "High", 14));
        p.put(Signal.STALE_PLAN, new Playbook("Write the next step for {subject}",
                "Re-qualify the deal and write its next step; schedule the next meeting.", "Low", 7));
        p.put(Signal.PIPELINE_COVERAGE, new Playbook("Build the pipeline ahead at {name}",
                "Renewals and expansion are missing from the pipeline: open the renewal of this year's business"
                        + " and qualify the next expansion with the customer.", "Normal", 14));
        return new ScorecardConfig("default-1", new Levels(75, 55, 35), w,
                new Rules(30, 180, 0.5, 2.0, 2.5, 30, 60, 3, 0.6, 7, 90, 2, 180, 60, 90, 30, 90, 2.0, 0.8, 2, 60,
                        180, 30, 90, 0.1, 12, 24, 6, 0.5),
                1.25, 10, 1.0, 0.6,
                List.of("\\bC[EFOIT]O\\b", "\\bChief\\b", "\\bPresident\\b", "\\bFounder\\b", "\\bOwner\\b"),
                List.of("\\bVP\\b", "\\bVice President\\b", "\\bHead of\\b", "\\bDirector\\b"),
                List.of("Competitor"), new FollowUps(true, 10, FollowUps.ALWAYS, 30, p));
    }

    /** Checks every value; every problem at once is thrown, each naming its key (see {@link ScorecardChecks}). */
    public ScorecardConfig validate() {
        List<ScorecardConfigException.Problem> problems = ScorecardChecks.problems(this);
        if (!problems.isEmpty()) {
            throw new ScorecardConfigException(problems);
        }
        return this;
    }
}
