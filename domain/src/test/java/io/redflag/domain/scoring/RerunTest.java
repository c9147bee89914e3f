package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.Interaction.Direction;
import io.redflag.domain.model.Interaction.Kind;
import io.redflag.domain.model.Interaction.Outcome;
import io.redflag.domain.model.StageClass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rescore with nothing changed writes nothing: the same records give the same fields, whatever the hour of
 * the day they are scored at and whatever order the store returns them in.
 */
class RerunTest {
    private static final Scorecard SCORECARD = new Scorecard(ScorecardConfig.defaults());
    /** Accounts.NOW is noon; these are the same UTC day, before and after records dated in between. */
    private static final Instant MORNING = Instant.parse("2026-06-30T08:00:00Z");
    private static final Instant EVENING = Instant.parse("2026-06-30T21:00:00Z");
    /** As many reasons as the service writes into Risk_Reasons__c. */
    private static final int TOP_REASONS = 5;

    /**
     * An account whose records fall between two rescores of one day: a meeting at 15:00 (its only planned
     * activity), a call logged at 13:00, a new executive created at 11:00.
     */
    private static Accounts recordsDatedDuringTheDay() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        a.rhythm(cfo, 200, 20, 10);
        a.deal("Renewal", StageClass.OPEN, "50000", LocalDate.of(2026, 9, 1), "Send proposal", 60, 45);
        a.interaction(cfo, Kind.MEETING, Direction.OUTBOUND, Outcome.UNKNOWN, -0.125, true); // 15:00
        a.interaction(cfo, Kind.CALL, Direction.OUTBOUND, Outcome.CONNECTED, -1 / 24.0, true); // 13:00
        a.contact("Alex Kim", "CEO", false, false, null, 0); // created at noon
        return a;
    }

    @Test
    void aRescoreLaterTheSameDayReadsTheSameRecordsWhateverTheHour() {
        AccountSnapshot snapshot = recordsDatedDuringTheDay().build();
        Assessment morning = SCORECARD.assess(snapshot, MORNING);
        Assessment evening = SCORECARD.assess(snapshot, EVENING);
        assertThat(evening.findings()).isEqualTo(morning.findings());
        assertThat(evening.positives()).isEqualTo(morning.positives());
        assertThat(evening.score()).isEqualTo(morning.score());
        assertThat(evening.level()).isEqualTo(morning.level());
        // the next day is another day: the meeting has been held, nothing is planned any more
        assertThat(SCORECARD.assess(snapshot, MORNING.plusSeconds(86_400)).findings())
                .isNotEqualTo(morning.findings());
    }

    @Test
    void theTrendComparesWithOneEarlierDayAllDay() {
        // The benchmark's rerun wrote one account: its trend was replayed as of the instant 30 days back, and a
        // record dated between the two runs' instants, 30 days back, changed the earlier score.
        AccountSnapshot snapshot = recordsDatedDuringTheDay().build();
        LocalDate day = Scorecard.trendDay(EVENING.plusSeconds(30L * 86_400));
        assertThat(day).isEqualTo(LocalDate.of(2026, 6, 30)).isEqualTo(Scorecard.trendDay(MORNING.plusSeconds(
                30L * 86_400)));
        assertThat(SCORECARD.scoreOn(snapshot, day)).isEqualTo(SCORECARD.assess(snapshot, MORNING).score())
                .isEqualTo(SCORECARD.assess(snapshot, EVENING).score());
    }

    /** Two silent key contacts and two stalled deals: findings that tie on severity and points. */
    private static Accounts tiedFindings() {
        Accounts a = account();
        String cfo = a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER);
        String vp = a.contact("Sam Lee", "VP Operations", ContactRole.ECONOMIC_BUYER);
        String coo = a.contact("Kim Park", "COO", ContactRole.DECISION_MAKER);
        a.rhythm(cfo, 170, 50, 10).rhythm(vp, 170, 50, 10).rhythm(coo, 170, 50, 10);
        a.touch(cfo, 50).touch(vp, 50); // two interactions at the same moment
        a.deal("Expansion", StageClass.OPEN, "10000", LocalDate.of(2026, 6, 1), "Call", 100, 10);
        a.deal("Renewal", StageClass.OPEN, "20000", LocalDate.of(2026, 5, 1), "Call", 100, 10);
        a.supportCase("Outage", false, true, false, 40).supportCase("Billing", false, true, false, 40);
        return a;
    }

    @Test
    void theSameRecordsInAnotherOrderGiveTheSameAssessment() {
        AccountSnapshot snapshot = tiedFindings().build();
        AccountSnapshot reversed = new AccountSnapshot(snapshot.account(), snapshot.owner(),
                reversed(snapshot.contacts()), reversed(snapshot.interactions()), reversed(snapshot.opportunities()),
                reversed(snapshot.cases()), reversed(snapshot.history()), snapshot.keyAccount(), snapshot.strategic(),
                snapshot.ownerLogging(), reversed(snapshot.formerContacts()), reversed(snapshot.contactChanges()),
                snapshot.replyLogging());
        Assessment a = SCORECARD.assess(snapshot, Accounts.NOW);
        Assessment b = SCORECARD.assess(reversed, Accounts.NOW);
        assertThat(a.findings()).hasSizeGreaterThan(TOP_REASONS);
        assertThat(b.findings()).isEqualTo(a.findings());
        assertThat(b.positives()).isEqualTo(a.positives());
        assertThat(b.topReasons(TOP_REASONS)).isEqualTo(a.topReasons(TOP_REASONS));
        assertThat(b.score()).isEqualTo(a.score());
        assertThat(b.inputHash()).isEqualTo(a.inputHash());
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }
}
