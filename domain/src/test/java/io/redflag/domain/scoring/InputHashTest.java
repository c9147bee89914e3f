package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.StageClass;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The input hash covers every kind of record as of the assessment, and nothing that came later. */
class InputHashTest {
    private static final Scorecard SCORECARD = new Scorecard(ScorecardConfig.defaults());

    private static String hash(Consumer<Accounts> change) {
        Accounts a = SignalsTest.healthy();
        change.accept(a);
        return SCORECARD.assess(a.build(), NOW).inputHash();
    }

    static Stream<Arguments> recordsBeforeTheAsOfTime() {
        return Stream.of(
                added("a contact", a -> a.contact("Alex Kim", "Analyst", false, false, null, 5)),
                added("an interaction", a -> a.touch(null, 5)),
                added("a deal", a -> a.deal("Upsell", StageClass.OPEN, "100", LocalDate.of(2026, 9, 1), "Call", 5, 5)),
                added("a case", a -> a.supportCase("Outage", false, false, false, 5)),
                added("an account change", a -> a.change("Owner", "A", "B", 5)),
                added("a contact who moved away", a -> a.movedAway(a.contact("Alex Kim", "CFO",
                        ContactRole.DECISION_MAKER), 5)),
                added("a re-titled contact", a -> a.retitled(a.contact("Alex Kim", "CFO", false, false, null, 800),
                        "Analyst", 5)),
                added("a different owner logging", a -> a.ownerLogging(499, 10)),
                added("a different reply logging", a -> a.emails(40, 0)),
                added("the strategic segment", Accounts::strategic),
                added("no longer a key account", Accounts::notKey));
    }

    @ParameterizedTest(name = "{0} changes the hash")
    @MethodSource("recordsBeforeTheAsOfTime")
    void everyKindOfRecordChangesTheHash(String name, Consumer<Accounts> change) {
        assertThat(hash(change)).isNotEqualTo(hash(a -> { }));
    }

    static Stream<Arguments> recordsAfterTheAsOfTime() {
        return Stream.of(
                added("a contact created later", a -> a.contact("Alex Kim", "Analyst", false, false, null, -5)),
                added("a deal created later", a -> a.deal("Upsell", StageClass.OPEN, "100", LocalDate.of(2026, 9, 1),
                        "Call", -5, -5)),
                added("a case opened later", a -> a.supportCase("Outage", false, false, false, -5)),
                added("an account change made later", a -> a.change("Owner", "A", "B", -5)));
    }

    @ParameterizedTest(name = "{0} leaves the hash as it was")
    @MethodSource("recordsAfterTheAsOfTime")
    void recordsAfterTheAsOfTimeLeaveTheHashAsItWas(String name, Consumer<Accounts> change) {
        assertThat(hash(change)).isEqualTo(hash(a -> { }));
    }

    private static Arguments added(String name, Consumer<Accounts> change) {
        return Arguments.of(name, change);
    }
}
