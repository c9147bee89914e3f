package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which account changes are an owner change, and what its finding says. */
class OwnerChangeTest {
    private static final Scorecard SCORECARD = new Scorecard(ScorecardConfig.defaults());

    private static List<String> explanations(Accounts a) {
        return SCORECARD.assess(a.build(), NOW).findings().stream().filter(f -> f.key().equals("OWNER_CHANGE"))
                .map(Finding::explanation).toList();
    }

    @Test
    void anOwnerChangeWithin89DaysNamesTheOldAndTheNewOwnerByName() {
        Accounts a = SignalsTest.healthy().change("owner", "005000000000003AAA", "005000000000004AAA", 89)
                .change("Owner", "Ann Old", "Bob New", 89);
        assertThat(explanations(a)).containsExactly("The account changed owner 89 days ago from Ann Old to Bob New.");
    }

    @Test
    void anOwnerChangeFromDay90OnOrAnotherFieldIsNoOwnerChange() {
        assertThat(explanations(SignalsTest.healthy().change("Owner", "Ann Old", "Bob New", 90))).isEmpty();
        assertThat(explanations(SignalsTest.healthy().change("Name", "Acme", "Acme Corp", 10))).isEmpty();
    }

    @Test
    void anOwnerChangeWithoutNamesSaysWhatIsKnown() {
        assertThat(explanations(SignalsTest.healthy().change("Owner", null, null, 10)))
                .containsExactly("The account changed owner 10 days ago.");
    }

    @Test
    void anUnknownOwnerIsNotAnInactiveOne() {
        assertThat(explanations(SignalsTest.healthy().owner(null))).isEmpty();
    }
}
