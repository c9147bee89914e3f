package io.redflag.domain.scoring;

import io.redflag.domain.scoring.ScorecardConfig.Playbook;
import io.redflag.domain.scoring.ScorecardConfig.Rules;
import io.redflag.domain.scoring.ScorecardConfig.Weight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What is wrong with a scorecard: every setting that cannot work, each with its key, its value and what would
 * be valid, all found in one pass so an admin fixes a file once. A missing group (rules, a signal's weight)
 * is one problem; what lies inside it is then not checked.
 */
final class ScorecardChecks {
    private final List<ScorecardConfigException.Problem> problems = new ArrayList<>();

    private ScorecardChecks() {
    }

    static List<ScorecardConfigException.Problem> problems(ScorecardConfig c) {
        ScorecardChecks checks = new ScorecardChecks();
        checks.top(c);
        checks.weights(c);
        checks.rules(c.rules());
        checks.titles("executiveTitles", c.executiveTitles());
        checks.titles("keyContactTitles", c.keyContactTitles());
        checks.followUps(c.followUps());
        return List.copyOf(checks.problems);
    }

    private void top(ScorecardConfig c) {
        require(c.version() != null && !c.version().isBlank(), "version", c.version(), "a non-empty name");
        var levels = c.levels();
        if (require(levels != null, "levels", null, "healthy, watch and atRisk")) {
            require(levels.healthy() <= 100 && levels.healthy() > levels.watch() && levels.watch() > levels.atRisk()
                    && levels.atRisk() > 0, "levels", levels, "100 >= healthy > watch > atRisk > 0");
        }
        require(c.strategicMultiplier() >= 1 && c.strategicMultiplier() <= 3, "strategicMultiplier",
                c.strategicMultiplier(), "1 to 3");
        require(c.positiveCap() >= 0 && c.positiveCap() <= 50, "positiveCap", c.positiveCap(), "0 to 50");
        require(c.minimumLoggingPerAccount() >= 0, "minimumLoggingPerAccount", c.minimumLoggingPerAccount(),
                "0 or more");
        require(c.minimumCoverage() >= 0 && c.minimumCoverage() <= 1, "minimumCoverage", c.minimumCoverage(),
                "0 to 1");
        require(c.competitiveLossReasons() != null, "competitiveLossReasons", null, "a list of loss reasons");
    }

    private void weights(ScorecardConfig c) {
        for (Signal s : Signal.values()) {
            Weight weight = c.weights() == null ? null : c.weights().get(s);
            if (!require(weight != null, "weights." + s, null, "points, cap and severity for every signal")) {
                continue;
            }
            require(weight.points() >= 0 && weight.points() <= 100, "weights." + s + ".points", weight.points(),
                    "0 to 100");
            require(weight.cap() >= weight.points() && weight.cap() <= 100, "weights." + s + ".cap", weight.cap(),
                    "points to 100");
            require(weight.severity() != null, "weights." + s + ".severity", null, "LOW, MEDIUM, HIGH or CRITICAL");
        }
    }

    private void rules(Rules rules) {
        if (!require(rules != null, "rules", null, "the signals' windows and thresholds")) {
            return;
        }
        require(rules.activityDeclineRatio() > 0 && rules.activityDeclineRatio() < 1, "rules.activityDeclineRatio",
                rules.activityDeclineRatio(), "between 0 and 1");
        require(rules.outreachUnansweredShare() > 0 && rules.outreachUnansweredShare() <= 1,
                "rules.outreachUnansweredShare", rules.outreachUnansweredShare(), "above 0, at most 1");
        require(rules.revenueDeclineRatio() > 0 && rules.revenueDeclineRatio() < 1, "rules.revenueDeclineRatio",
                rules.revenueDeclineRatio(), "between 0 and 1");
        require(rules.replyLoggingShare() > 0 && rules.replyLoggingShare() <= 1, "rules.replyLoggingShare",
                rules.replyLoggingShare(), "above 0, at most 1");
        require(rules.revenueWindowMonths() >= 1 && rules.revenueWindowMonths() <= 60, "rules.revenueWindowMonths",
                rules.revenueWindowMonths(), "1 to 60");
        require(rules.revenueHistoryMonths() > rules.revenueWindowMonths() && rules.revenueHistoryMonths() <= 120,
                "rules.revenueHistoryMonths", rules.revenueHistoryMonths(), "more than revenueWindowMonths, at most 120");
        require(rules.pipelineHorizonMonths() >= 1 && rules.pipelineHorizonMonths() <= 36,
                "rules.pipelineHorizonMonths", rules.pipelineHorizonMonths(), "1 to 36");
        require(rules.pipelineCoverageRatio() > 0 && rules.pipelineCoverageRatio() <= 5, "rules.pipelineCoverageRatio",
                rules.pipelineCoverageRatio(), "above 0, at most 5");
        require(rules.silenceMultiplier() >= 1, "rules.silenceMultiplier", rules.silenceMultiplier(), "1 or more");
        Map<String, Integer> windows = new LinkedHashMap<>();
        windows.put("activityWindowDays", rules.activityWindowDays());
        windows.put("activityBaselineDays", rules.activityBaselineDays());
        windows.put("silenceMinimumDays", rules.silenceMinimumDays());
        windows.put("outreachWindowDays", rules.outreachWindowDays());
        windows.put("replyWindowDays", rules.replyWindowDays());
        windows.put("engagedWindowDays", rules.engagedWindowDays());
        windows.put("executiveAccessDays", rules.executiveAccessDays());
        windows.put("executiveChangeDays", rules.executiveChangeDays());
        windows.put("ownerChangeDays", rules.ownerChangeDays());
        windows.put("caseOpenDays", rules.caseOpenDays());
        windows.put("caseVolumeDays", rules.caseVolumeDays());
        windows.put("stallPushDays", rules.stallPushDays());
        windows.put("competitorLossDays", rules.competitorLossDays());
        windows.put("stalePlanDays", rules.stalePlanDays());
        windows.put("newContactDays", rules.newContactDays());
        windows.forEach((name, days) -> require(days > 0 && days <= 3650, "rules." + name, days, "1 to 3650 days"));
    }

    private void titles(String key, List<String> patterns) {
        if (!require(patterns != null, key, null, "a list of regular expressions")) {
            return;
        }
        for (String p : patterns) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                problems.add(new ScorecardConfigException.Problem(key, p, "a valid regular expression ("
                        + e.getDescription() + ")"));
            }
        }
    }

    private void followUps(ScorecardConfig.FollowUps followUps) {
        if (!require(followUps != null, "followUps", null, "keyAccountsOnly, perOwnerPerWeek, overCap,"
                + " cooldownDays, playbooks")) {
            return;
        }
        require(followUps.perOwnerPerWeek() >= 0, "followUps.perOwnerPerWeek", followUps.perOwnerPerWeek(),
                "0 or more");
        require(followUps.cooldownDays() >= 0, "followUps.cooldownDays", followUps.cooldownDays(), "0 or more");
        require(ScorecardConfig.FollowUps.ALWAYS.equals(followUps.overCap())
                || ScorecardConfig.FollowUps.REPLACE.equals(followUps.overCap()), "followUps.overCap",
                followUps.overCap(), "always (a HIGH or"
                + " CRITICAL finding on a key account gets its task beyond the cap) or replace (it takes the place of"
                + " an untouched lower-severity task of the assignee's week)");
        for (Signal s : Signal.values()) {
            Playbook p = followUps.playbooks() == null ? null : followUps.playbooks().get(s);
            if (!require(p != null, "followUps.playbooks." + s, null, "subject, action, priority and dueInDays")) {
                continue;
            }
            require(p.subject() != null && !p.subject().isBlank() && p.subject().length() <= 200,
                    "followUps.playbooks." + s + ".subject", p.subject(), "1 to 200 characters");
            require(List.of("High", "Normal", "Low").contains(p.priority()), "followUps.playbooks." + s + ".priority",
                    p.priority(), "High, Normal or Low");
            require(p.dueInDays() >= 0 && p.dueInDays() <= 365, "followUps.playbooks." + s + ".dueInDays",
                    p.dueInDays(), "0 to 365");
        }
    }

    /** Notes a problem unless {@code ok}; returns {@code ok}, so what depends on it can be skipped. */
    private boolean require(boolean ok, String key, Object value, String valid) {
        if (!ok) {
            problems.add(new ScorecardConfigException.Problem(key, value, valid));
        }
        return ok;
    }
}
