package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static io.redflag.domain.scoring.Accounts.account;
import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.domain.model.ContactRole;
import io.redflag.domain.model.Interaction.Direction;
import io.redflag.domain.model.Interaction.Kind;
import io.redflag.domain.model.Interaction.Outcome;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * UNRETURNED_OUTREACH counts only evidence, under the logging habits orgs really have: replies logged by the
 * email tool or never logged, calls with and without dispositions. Defaults: 60-day window, at least 3 attempts,
 * 60 % unanswered, a 7-day reply window; a user logs replies at 10 % of the emails they send.
 */
class OutreachEvidenceTest {
    private static final Scorecard SCORECARD = new Scorecard(ScorecardConfig.defaults());

    /** The contact the outreach goes to, and another one at the same account. */
    private record People(Accounts a, String cfo, String vp) {
        People call(Outcome outcome, double daysAgo) {
            a.interaction(cfo, Kind.CALL, Direction.OUTBOUND, outcome, daysAgo, true);
            return this;
        }

        People email(double daysAgo) {
            a.interaction(cfo, Kind.EMAIL, Direction.OUTBOUND, Outcome.UNKNOWN, daysAgo, true);
            return this;
        }

        People reply(String from, double daysAgo) {
            a.interaction(from, Kind.EMAIL, Direction.INBOUND, Outcome.UNKNOWN, daysAgo, true);
            return this;
        }

        People meeting(Outcome outcome, double daysAgo) {
            boolean held = outcome == Outcome.CONNECTED || outcome == Outcome.UNKNOWN;
            a.interaction(cfo, Kind.MEETING, Direction.OUTBOUND, outcome, daysAgo, held);
            return this;
        }

        People noAnswers(double... daysAgo) {
            for (double d : daysAgo) {
                call(Outcome.NO_RESPONSE, d);
            }
            return this;
        }
    }

    static Stream<Arguments> loggingHabits() {
        return Stream.of(
                row("replies logged: four emails, none answered", "4 of 4",
                        p -> p.email(50).email(40).email(30).email(20)),
                row("replies logged: two of four emails answered within 7 days", null,
                        p -> p.email(50).email(40).email(30).email(20).reply(p.cfo, 48).reply(p.cfo, 37)),
                row("replies never logged: unanswered emails are no evidence", null,
                        p -> { p.a.emails(40, 0); p.email(50).email(40).email(30).email(20); }),
                row("replies logged below 10 % of the emails sent: no evidence", null,
                        p -> { p.a.emails(100, 9); p.email(50).email(40).email(30).email(20); }),
                row("replies logged at 10 % of the emails sent", "4 of 4",
                        p -> { p.a.emails(100, 10); p.email(50).email(40).email(30).email(20); }),
                row("nothing known of the sender's email habits: no evidence", null,
                        p -> { p.a.emailHabitsUnknown(); p.email(50).email(40).email(30).email(20); }),
                row("calls without a disposition are no evidence", null,
                        p -> p.call(Outcome.UNKNOWN, 50).call(Outcome.UNKNOWN, 40).call(Outcome.UNKNOWN, 30)
                                .call(Outcome.UNKNOWN, 20)),
                row("calls with a no-answer disposition", "3 of 3", p -> p.noAnswers(50, 40, 30)),
                row("calls without a disposition do not dilute the no-answers", "3 of 3",
                        p -> p.noAnswers(50, 40, 30).call(Outcome.UNKNOWN, 25).call(Outcome.UNKNOWN, 15)),
                row("a connected call within 7 days answers the no-answer before it", "3 of 5",
                        p -> p.noAnswers(50, 40, 30, 20).call(Outcome.CONNECTED, 18)),
                row("an inbound email from the same contact answers", "3 of 4",
                        p -> p.noAnswers(50, 40, 30, 20).reply(p.cfo, 19)),
                row("an inbound email from another contact answers nothing", "4 of 4",
                        p -> p.noAnswers(50, 40, 30, 20).reply(p.vp, 19)),
                row("a held meeting within 7 days answers", "3 of 5",
                        p -> p.noAnswers(50, 40, 30, 20).meeting(Outcome.CONNECTED, 15)),
                row("an answer after the 7-day reply window comes too late", "4 of 5",
                        p -> p.noAnswers(50, 40, 30, 20).call(Outcome.CONNECTED, 12)),
                row("declined and cancelled meetings count, whatever the email habits", "3 of 3",
                        p -> { p.a.emails(40, 0); p.meeting(Outcome.DECLINED, 50).meeting(Outcome.CANCELLED, 40)
                                .meeting(Outcome.DECLINED, 30); }),
                row("replies never logged, calls without dispositions, meetings every three weeks", null,
                        p -> { p.a.emails(60, 0);
                            p.meeting(Outcome.CONNECTED, 56).meeting(Outcome.CONNECTED, 35).meeting(Outcome.CONNECTED, 14);
                            for (int d = 58; d > 0; d -= 10) {
                                p.call(Outcome.UNKNOWN, d).email(d - 2);
                            } }));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("loggingHabits")
    void onlyEvidenceCountsAsUnansweredOutreach(String habit, String unansweredOfAttempts, Consumer<People> outreach) {
        Accounts a = account();
        People p = new People(a, a.contact("Dana Reyes", "CFO", ContactRole.DECISION_MAKER),
                a.contact("Sam Lee", "VP Operations", ContactRole.ECONOMIC_BUYER));
        outreach.accept(p);
        List<Finding> found = SCORECARD.assess(a.build(), NOW).findings().stream()
                .filter(f -> f.key().equals(Signal.UNRETURNED_OUTREACH.name())).toList();
        if (unansweredOfAttempts == null) {
            assertThat(found).as(habit).isEmpty();
        } else {
            assertThat(found).as(habit).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(Finding.Kind.RISK);
                assertThat(f.explanation()).isEqualTo(unansweredOfAttempts
                        + " calls, emails and meetings in the last 60 days went unanswered or were declined.");
            });
        }
    }

    private static Arguments row(String habit, String unansweredOfAttempts, Consumer<People> outreach) {
        return Arguments.of(habit, unansweredOfAttempts, outreach);
    }
}
