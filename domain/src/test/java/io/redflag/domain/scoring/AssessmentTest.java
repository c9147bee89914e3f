package io.redflag.domain.scoring;

import static io.redflag.domain.scoring.Accounts.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The trend on an assessment, and the level's labels as the CRM picklist spells them. */
class AssessmentTest {
    @Test
    void theTrendIsThisScoreMinusTheEarlierOneOrNullWhenNoneIsKnown() {
        Assessment a = new Scorecard(ScorecardConfig.defaults()).assess(SignalsTest.healthy()
                .change("Owner", "A", "B", 10).build(), NOW);
        assertThat(a.withTrend(60).trend()).isEqualTo(12);
        assertThat(a.withTrend(80).trend()).isEqualTo(-8);
        assertThat(a.withTrend(null).trend()).isNull();
        assertThat(a.withTrend(60).score()).isEqualTo(72);
    }

    @Test
    void levelsReadAndWriteThePicklistLabels() {
        assertThat(Level.ofLabel("At Risk")).isEqualTo(Level.AT_RISK);
        assertThat(Level.ofLabel("Healthy")).isEqualTo(Level.HEALTHY);
        assertThat(Level.CRITICAL.label()).isEqualTo("Critical");
        assertThat(Level.ofLabel("Unknown")).isEqualTo(Level.UNKNOWN);
        assertThatThrownBy(() -> Level.ofLabel("Doomed"))
                .hasMessage("'Doomed' is not a level (Healthy, Watch, At Risk, Critical, Unknown)");
    }
}
