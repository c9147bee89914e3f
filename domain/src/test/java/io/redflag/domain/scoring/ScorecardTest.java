package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static io.redflag.domain.scoring.Accounts.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.CrmUser;
import io.redflag.domain.model.StageClass;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The score, the level, replay, reproducibility, evidence quality, key accounts and follow-up planning. */
class ScorecardTest {
    private static final ScorecardConfig CONFIG = ScorecardConfig.defaults();
    private static final Scorecard SCORECARD = new Scorecard(CONFIG);

    static Accounts accountWhosePrimaryContactLeft() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", true, false, null, 800, ContactRole.DECISION_MAKER);
        a.rhythm(cfo, 120, 20, 7);
        a.supportCase("Outage", true, true, false, 10);
        return a;
    }

    @Test
    void pointsAreSubtractedCappedPerSignalAndTheLevelFollowsTheThresholds() {
        Assessment a = SCORECARD.assess(accountWhosePrimaryContactLeft().build(), NOW);
        // KEY_CONTACT_LEFT at its cap 48, SINGLE_THREADED 28, COMPLAINTS 12: 100 - 88, below 35
        assertThat(a.risks()).extracting(Finding::key, Finding::points).containsExactlyInAnyOrder(
                tuple("KEY_CONTACT_LEFT", 48),
                tuple("SINGLE_THREADED", 28),
                tuple("COMPLAINTS", 12));
        assertThat(a.score()).isEqualTo(12);
        assertThat(a.level()).isEqualTo(Level.CRITICAL);
        assertThat(a.risks().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.topReasons(2)).hasSize(2).first().asString().contains("Dana Reyes");
    }

    @Test
    void theStrategicScorecardIsStricter() {
        Accounts a = SignalsTest.healthy().change("Owner", "A", "B", 10);
        assertThat(SCORECARD.assess(a.build(), NOW).score()).isEqualTo(72); // OWNER_CHANGE 28
        assertThat(SCORECARD.assess(a.strategic().build(), NOW).score()).isEqualTo(65); // 28 x 1.25 = 35
    }

    @Test
    void anAssessmentAsOfAPastDateIgnoresWhatCameLater() {
        Accounts a = SignalsTest.healthy();
        a.contact("Alex Kim", "CEO", false, false, null, 5);
        Instant earlier = NOW.minus(Duration.ofDays(30));
        Assessment past = SCORECARD.assess(a.build(), earlier);
        assertThat(past.findings()).noneMatch(f -> f.key().equals("EXECUTIVE_CHANGE"));
        assertThat(SCORECARD.assess(a.build(), NOW).findings()).anyMatch(f -> f.key().equals("EXECUTIVE_CHANGE"));
        Assessment withoutLater = SCORECARD.assess(SignalsTest.healthy().build(), earlier);
        assertThat(past.score()).isEqualTo(withoutLater.score());
        assertThat(past.findings()).isEqualTo(withoutLater.findings());
    }

    @Test
    void theInputHashIsStableAndChangesWithTheInputs() {
        var snapshot = accountWhosePrimaryContactLeft().build();
        String hash = SCORECARD.assess(snapshot, NOW).inputHash();
        assertThat(new Scorecard(ScorecardConfig.defaults()).assess(accountWhosePrimaryContactLeft().build(), NOW)
                .inputHash()).isEqualTo(hash).hasSize(64);
        assertThat(SCORECARD.assess(snapshot, NOW.plusSeconds(1)).inputHash()).isNotEqualTo(hash);
        assertThat(SCORECARD.assess(accountWhosePrimaryContactLeft().supportCase("More", false, false, false, 1)
                .build(), NOW).inputHash()).isNotEqualTo(hash);
        assertThat(SCORECARD.assess(snapshot, NOW).scorecardVersion()).isEqualTo("default-1");
    }

    @Test
    void theHashedInputTextIsTheRecordsOwnText() {
        var snapshot = accountWhosePrimaryContactLeft().change("Owner", "A", "B", 10).build();
        for (Object r : List.of(snapshot.account(), snapshot.contacts().get(0), snapshot.interactions().get(0),
                snapshot.cases().get(0), snapshot.history().get(0), snapshot.ownerLogging())) {
            assertThat(InputText.text(r)).isEqualTo(r.toString());
        }
    }

    @Test
    void aRescoreLaterTheSameDayFindsTheSameAsTheFirst() {
        // Windows count calendar days (UTC) like the explanations: an activity early on the window's first day
        // stays inside all day instead of sliding out at the hour it was logged.
        Accounts a = accountWhosePrimaryContactLeft();
        Instant morning = Instant.parse("2026-06-30T00:00:05Z");
        Instant evening = Instant.parse("2026-06-30T23:59:55Z");
        var snapshot = a.build();
        Assessment early = SCORECARD.assess(snapshot, morning);
        Assessment late = SCORECARD.assess(snapshot, evening);
        assertThat(late.findings()).isEqualTo(early.findings());
        assertThat(late.score()).isEqualTo(early.score());
        assertThat(SCORECARD.scoreOn(snapshot, LocalDate.of(2026, 6, 30))).isEqualTo(early.score());
        assertThat(SCORECARD.assess(snapshot, Instant.parse("2026-07-01T00:00:05Z")).findings())
                .isNotEqualTo(early.findings());
    }

    @Test
    void anOwnerWhoLogsAlmostNothingMakesActivityFindingsInsufficientEvidence() {
        Accounts a = account().ownerLogging(5, 40);
        a.rhythm(a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER), 208, 34, 7);
        Assessment assessment = SCORECARD.assess(a.build(), NOW);
        Finding decline = assessment.findings().stream().filter(f -> f.key().equals("ACTIVITY_DECLINE")).findFirst()
                .orElseThrow();
        assertThat(decline.kind()).isEqualTo(Finding.Kind.INSUFFICIENT_EVIDENCE);
        assertThat(decline.points()).isZero();
        assertThat(decline.explanation()).startsWith("Not counted as risk: the owner logged 5 interactions");
        assertThat(assessment.risks()).noneMatch(f -> f.signal().activityBased());
        var planned = new FollowUpPlanner(CONFIG).plan(List.of(assessment), Map.of(), Map.of(Accounts.ACCOUNT,
                owner(true)), Map.of(), new FollowUpPlanner.Existing(Set.of(), Map.of(), Map.of()), NOW).tasks();
        assertThat(planned).noneMatch(p -> p.signal().activityBased());
    }

    @Test
    void thePenaltyOfOneSignalIsCapped() {
        Accounts a = SignalsTest.healthy();
        for (int i = 0; i < 6; i++) {
            a.supportCase("Case " + i, true, true, false, 3);
        }
        int complaints = SCORECARD.assess(a.build(), NOW).risks().stream()
                .filter(f -> f.key().equals("COMPLAINTS")).mapToInt(Finding::points).sum();
        assertThat(complaints).isEqualTo(CONFIG.weights().get(Signal.COMPLAINTS).cap());
    }

    @Test
    void paretoPicksTheFewAccountsThatMakeEightyPercentAndTiersAddTheirs() {
        var revenues = List.of(rev("A", "50"), rev("B", "30"), rev("C", "10"), rev("D", "5"),
                new KeyAccounts.Revenue("E", BigDecimal.ONE, "Strategic"), rev("F", null));
        assertThat(KeyAccounts.select(revenues, 0.8, List.of("strategic"))).containsExactlyInAnyOrder("A", "B", "E");
        assertThat(KeyAccounts.select(revenues, 0.85, List.of())).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(KeyAccounts.select(List.of(rev("X", null)), 0.8, List.of())).isEmpty();
        assertThat(KeyAccounts.strategic("Strategic", null, List.of("strategic"))).isTrue();
        assertThat(KeyAccounts.wonBetween(List.of(), LocalDate.MIN, LocalDate.MAX)).isZero();
    }

    @Test
    void followUpsAreKeyedDeduplicatedCooledDownCappedAndGoToTheManagerOfAnInactiveOwner() {
        Assessment a = SCORECARD.assess(accountWhosePrimaryContactLeft().build(), NOW);
        var owners = Map.of(Accounts.ACCOUNT, owner(true));
        var none = new FollowUpPlanner.Existing(Set.of(), Map.of(), Map.of());
        FollowUpPlanner planner = new FollowUpPlanner(CONFIG);
        List<FollowUp> ups = planner.plan(List.of(a), Map.of(Accounts.ACCOUNT, "Acme Corp"), owners, Map.of(), none,
                NOW).tasks();
        assertThat(ups).isNotEmpty();
        FollowUp left = ups.get(0);
        assertThat(left.key()).startsWith("KEY_CONTACT_LEFT:" + Accounts.ACCOUNT + ":003");
        assertThat(left.subject()).isEqualTo("Meet the successor of Dana Reyes (CFO) at Acme Corp");
        assertThat(left.description()).contains("Dana Reyes (CFO) is marked as having left");
        assertThat(left.priority()).isEqualTo("High");
        assertThat(left.dueDate()).isEqualTo(LocalDate.of(2026, 7, 14));
        assertThat(left.assigneeId()).isEqualTo(Accounts.OWNER);

        var open = new FollowUpPlanner.Existing(Set.of(left.key()), Map.of(), Map.of());
        assertThat(planner.plan(List.of(a), Map.of(), owners, Map.of(), open, NOW).tasks()).noneMatch(u -> u.key()
                .equals(left.key()));
        var cooling = new FollowUpPlanner.Existing(Set.of(), Map.of(left.key(), NOW.minus(Duration.ofDays(29))),
                Map.of());
        assertThat(planner.plan(List.of(a), Map.of(), owners, Map.of(), cooling, NOW).tasks()).noneMatch(u -> u.key()
                .equals(left.key()));
        var cooled = new FollowUpPlanner.Existing(Set.of(), Map.of(left.key(), NOW.minus(Duration.ofDays(31))),
                Map.of());
        assertThat(planner.plan(List.of(a), Map.of(), owners, Map.of(), cooled, NOW).tasks()).anyMatch(u -> u.key()
                .equals(left.key()));
        // 9 of 10 this week: the critical and the high finding still get their task, the medium one waits.
        var busy = new FollowUpPlanner.Existing(Set.of(), Map.of(), Map.of(Accounts.OWNER, 9));
        var busyPlan = planner.plan(List.of(a), Map.of(), owners, Map.of(), busy, NOW);
        assertThat(busyPlan.tasks()).extracting(FollowUp::severity).containsExactly(Severity.CRITICAL, Severity.HIGH);
        assertThat(busyPlan.heldBack()).extracting(FollowUp::severity).containsExactly(Severity.MEDIUM);
        var full = new FollowUpPlanner.Existing(Set.of(), Map.of(), Map.of(Accounts.OWNER, 10));
        var fullPlan = planner.plan(List.of(a), Map.of(), owners, Map.of(), full, NOW);
        assertThat(fullPlan.tasks()).extracting(FollowUp::severity).containsExactly(Severity.CRITICAL, Severity.HIGH);
        assertThat(fullPlan.heldBack()).extracting(FollowUp::severity).containsExactly(Severity.MEDIUM);
        var room = new FollowUpPlanner.Existing(Set.of(), Map.of(), Map.of(Accounts.OWNER, 7));
        var roomPlan = planner.plan(List.of(a), Map.of(), owners, Map.of(), room, NOW);
        assertThat(roomPlan.tasks()).extracting(FollowUp::severity)
                .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM);
        assertThat(roomPlan.heldBack()).isEmpty();

        var gone = planner.plan(List.of(a), Map.of(Accounts.ACCOUNT, "Acme Corp"), Map.of(Accounts.ACCOUNT,
                owner(false)), Map.of(), none, NOW).tasks();
        assertThat(gone).allSatisfy(u -> {
            assertThat(u.assigneeId()).isEqualTo(Accounts.MANAGER);
            assertThat(u.subject()).startsWith("Reassign Acme Corp: its owner has left.");
        });
    }

    @Test
    void accountsThatAreNotKeyGetNoTasksByDefault() {
        Assessment a = SCORECARD.assess(accountWhosePrimaryContactLeft().notKey().build(), NOW);
        assertThat(new FollowUpPlanner(CONFIG).plan(List.of(a), Map.of(), Map.of(Accounts.ACCOUNT, owner(true)),
                Map.of(), new FollowUpPlanner.Existing(Set.of(), Map.of(), Map.of()), NOW).tasks()).isEmpty();
    }

    @Test
    void theDefaultsAreValidAndABadSettingNamesItsKey() {
        assertThat(CONFIG.validate()).isSameAs(CONFIG);
        var bad = ScorecardConfigTest.with(CONFIG, "levels", new ScorecardConfig.Levels(50, 60, 35));
        assertThatThrownBy(bad::validate).isInstanceOf(ScorecardConfigException.class)
                .hasMessageContaining("levels").hasMessageContaining("100 >= healthy > watch > atRisk > 0");
        var badTitle = ScorecardConfigTest.with(CONFIG, "executiveTitles", List.of("(CEO"));
        assertThatThrownBy(badTitle::validate).hasMessageContaining("executiveTitles = '(CEO'");
    }

    private static KeyAccounts.Revenue rev(String id, String amount) {
        return new KeyAccounts.Revenue(id, amount == null ? null : new BigDecimal(amount), null);
    }

    private static CrmUser owner(boolean active) {
        return new CrmUser(Accounts.OWNER, "Olivia Owner", null, active, Accounts.MANAGER);
    }

    static StageClass unused() {
        return StageClass.OPEN;
    }
}
