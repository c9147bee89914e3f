package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static io.redflag.domain.scoring.Accounts.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.StageClass;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PIPELINE_COVERAGE: a key account's open pipeline due in the next 6 months (stage-weighted where the mapping
 * gives probabilities) against its won revenue of the last 12 months; below 50 % renewals and expansions are
 * missing. And revenue decline's windows as settings.
 */
class PipelineCoverageTest {
    private static final Scorecard SCORECARD = new Scorecard(ScorecardConfig.defaults());
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    /** A key account on a steady rhythm that won 200,000 in the last 12 months (100 and 200 days ago). */
    private static Accounts wonTwoHundredThousand() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        String vp = a.contact("Sam Lee", "VP Operations", ContactRole.ECONOMIC_BUYER);
        a.rhythm(cfo, 210, 3, 7).rhythm(vp, 207, 4, 7);
        a.deal("Licences 2025", StageClass.WON, "100000", TODAY.minusDays(200), null, 260, 200);
        a.deal("Services 2026", StageClass.WON, "100000", TODAY.minusDays(100), null, 160, 100);
        return a;
    }

    private static void open(Accounts a, String name, String amount, LocalDate close, String probability) {
        a.opportunity(name, StageClass.OPEN, amount, close, probability);
    }

    static Stream<Arguments> pipelines() {
        return Stream.of(
                row("no open deal", a -> { }, "Open pipeline due in the next 6 months is 0 against 200,000 won in the"
                        + " last 12 months (0 %): renewals and expansions are missing from the pipeline."),
                row("a renewal of 100,000 due in 3 months: half, enough", a -> open(a, "Renewal", "100000",
                        TODAY.plusMonths(3), null), null),
                row("90,000 due in 3 months", a -> open(a, "Renewal", "90000", TODAY.plusMonths(3), null),
                        "Open pipeline due in the next 6 months is 90,000 against 200,000 won in the last 12 months"
                                + " (45 %): renewals and expansions are missing from the pipeline."),
                row("150,000 due on the horizon's last day", a -> open(a, "Renewal", "150000", TODAY.plusMonths(6),
                        null), null),
                row("150,000 due the day after the horizon", a -> open(a, "Renewal", "150000",
                        TODAY.plusMonths(6).plusDays(1), null), "Open pipeline due in the next 6 months is 0 against"
                                + " 200,000 won in the last 12 months (0 %): renewals and expansions are missing from"
                                + " the pipeline."),
                row("150,000 whose close date has passed (a stalled deal, not pipeline ahead)", a -> open(a,
                        "Renewal", "150000", TODAY.minusDays(10), null), "Open pipeline due in the next 6 months is 0"
                                + " against 200,000 won in the last 12 months (0 %): renewals and expansions are"
                                + " missing from the pipeline."),
                row("150,000 at 40 %: 60,000 stage-weighted", a -> open(a, "Renewal", "150000", TODAY.plusMonths(3),
                        "40"), "Open pipeline due in the next 6 months is 60,000 (stage-weighted) against 200,000"
                                + " won in the last 12 months (30 %): renewals and expansions are missing from the"
                                + " pipeline."),
                row("250,000 at 40 %: 100,000 stage-weighted, enough", a -> open(a, "Renewal", "250000",
                        TODAY.plusMonths(3), "40"), null),
                row("60,000 weighted at 100 % and 40,000 without a probability", a -> {
                    open(a, "Renewal", "60000", TODAY.plusMonths(2), "100");
                    open(a, "Expansion", "40000", TODAY.plusMonths(4), null);
                }, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void thinPipelineAgainstTheTrailingYearsWonRevenue(String name, Consumer<Accounts> pipeline, String explanation) {
        Accounts a = wonTwoHundredThousand();
        pipeline.accept(a);
        List<Finding> found = findings(a, Signal.PIPELINE_COVERAGE);
        if (explanation == null) {
            assertThat(found).as(name).isEmpty();
        } else {
            assertThat(found).as(name).singleElement().satisfies(f -> {
                assertThat(f.explanation()).isEqualTo(explanation);
                assertThat(f.kind()).isEqualTo(Finding.Kind.RISK);
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.points()).isEqualTo(28);
            });
        }
    }

    @Test
    void onlyKeyAccountsThatWonBusinessAreAsked() {
        assertThat(findings(wonTwoHundredThousand().notKey(), Signal.PIPELINE_COVERAGE)).as("not key").isEmpty();
        Accounts nothingWon = account();
        nothingWon.deal("Long ago", StageClass.WON, "100000", TODAY.minusDays(400), null, 450, 400);
        assertThat(findings(nothingWon, Signal.PIPELINE_COVERAGE)).as("nothing won in 12 months").isEmpty();
        Assessment notKey = SCORECARD.assess(wonTwoHundredThousand().notKey().build(), NOW);
        assertThat(notKey.coverage().covered()).doesNotContain(Signal.PIPELINE_COVERAGE);
        assertThat(notKey.coverage().uncovered()).doesNotContainKey(Signal.PIPELINE_COVERAGE);
    }

    @Test
    void thinPipelineTakesAStrategicKeyAccountFromHealthyToWatchWithItsPlaybook() {
        Assessment a = SCORECARD.assess(wonTwoHundredThousand().strategic().build(), NOW);
        assertThat(a.risks()).extracting(Finding::key).containsExactly("PIPELINE_COVERAGE");
        assertThat(a.score()).isEqualTo(65); // 28 x 1.25
        assertThat(a.level()).isEqualTo(Level.WATCH);
        var tasks = new FollowUpPlanner(ScorecardConfig.defaults()).plan(List.of(a), java.util.Map.of(Accounts.ACCOUNT,
                "Acme Corp"), java.util.Map.of(Accounts.ACCOUNT, new io.redflag.domain.model.CrmUser(Accounts.OWNER,
                        "Olivia Owner", null, true, null)), java.util.Map.of(), new FollowUpPlanner.Existing(
                                java.util.Set.of(), java.util.Map.of(), java.util.Map.of()), NOW);
        assertThat(tasks.tasks()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo("PIPELINE_COVERAGE:" + Accounts.ACCOUNT);
            assertThat(t.subject()).isEqualTo("Build the pipeline ahead at Acme Corp");
            assertThat(t.priority()).isEqualTo("Normal");
            assertThat(t.dueDate()).isEqualTo(TODAY.plusDays(14));
        });
    }

    static Stream<Arguments> revenueWindows() {
        return Stream.of(
                windows(12, 24, "50000@100 100000@450", "Won business in the last 12 months is 50,000 against 100,000"
                        + " the year before (50 %)."),
                windows(6, 12, "50000@100 100000@250", "Won business in the last 6 months is 50,000 against 100,000 in"
                        + " the 6 months before (50 %)."),
                windows(12, 36, "50000@100 100000@450 50000@900", "Won business in the last 12 months is 50,000"
                        + " against 150,000 in the 24 months before (33 %)."));
    }

    /** @param won deals won, as amount@daysAgo */
    @ParameterizedTest(name = "last {0} months against the months back to {1}: {2}")
    @MethodSource("revenueWindows")
    void revenueDeclineComparesTheConfiguredWindows(int window, int history, String won, String explanation) {
        Accounts a = SignalsTest.healthy();
        for (String deal : won.split(" ")) {
            int daysAgo = Integer.parseInt(deal.split("@")[1]);
            a.deal("Won " + daysAgo, StageClass.WON, deal.split("@")[0], TODAY.minusDays(daysAgo), null, daysAgo + 50,
                    daysAgo);
        }
        assertThat(new Scorecard(withRevenueWindows(window, history)).assess(a.build(), NOW).risks().stream()
                .filter(f -> f.key().equals("REVENUE_DECLINE")).map(Finding::explanation)).containsExactly(explanation);
    }

    @Test
    void noWonBusinessOverTheWholeHistoryWindowNamesIt() {
        Accounts a = SignalsTest.healthy();
        a.deal("Long ago", StageClass.WON, "100000", TODAY.minusDays(1200), null, 1300, 1200);
        assertThat(new Scorecard(withRevenueWindows(12, 36)).assess(a.build(), NOW).risks()).extracting(
                Finding::explanation).contains("No business won in the last 36 months from an account that bought"
                        + " before.");
    }

    @Test
    void theRevenueHistoryInputFollowsTheHistoryWindow() {
        Accounts a = SignalsTest.healthy();
        a.deal("First order", StageClass.WON, "100000", TODAY.minusDays(800), null, 900, 800); // 29 months back
        assertThat(SCORECARD.assess(a.build(), NOW).coverage().present()).contains(Evidence.REVENUE_HISTORY);
        assertThat(new Scorecard(withRevenueWindows(12, 36)).assess(a.build(), NOW).coverage().present())
                .doesNotContain(Evidence.REVENUE_HISTORY);
    }

    private static ScorecardConfig withRevenueWindows(int window, int history) {
        ScorecardConfig d = ScorecardConfig.defaults();
        return ScorecardConfigTest.with(d, "rules", ScorecardConfigTest.with(ScorecardConfigTest.with(d.rules(),
                "revenueWindowMonths", window), "revenueHistoryMonths", history));
    }

    private static List<Finding> findings(Accounts a, Signal signal) {
        return SCORECARD.assess(a.build(), NOW).findings().stream().filter(f -> f.key().equals(signal.name()))
                .toList();
    }

    private static Arguments row(String name, Consumer<Accounts> pipeline, String explanation) {
        return Arguments.of(name, pipeline, explanation);
    }

    private static Arguments windows(int window, int history, String won, String explanation) {
        return Arguments.of(window, history, won, explanation);
    }
}
