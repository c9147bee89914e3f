package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.service.TestClock;
import io.redflag.service.startup.StartupProblems;
import io.redflag.service.store.Databases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scorecard an admin applies from the dashboard: checked as a file is, stored, in force at once, and still in
 * force after a restart (a new ActiveScorecard on the same store); one that keeps the version in force, or has
 * problems, is refused and changes nothing.
 */
class ActiveScorecardIT {
    private static final Mapping MAPPING = MappingLoader.load(Path.of("../mappings/salesforce.yaml"));
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static ActiveScorecard start(DataSource ds) {
        return new ActiveScorecard(ds, MAPPING, ScorecardLoader.load(null, MAPPING), new TestClock(NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anAppliedScorecardIsInForceAtOnceAndAfterARestart(String kind) {
        DataSource ds = Databases.fresh(kind);
        ActiveScorecard first = start(ds);
        assertThat(first.current().config().version()).isEqualTo("default-1");
        assertThat(first.latest()).isEmpty();

        String yaml = "version: \"tighter-1\"\nlevels:\n  healthy: 80\n";
        first.apply(yaml, "diane.foster@redflag-demo.example");
        assertThat(List.of(first.current().config().version(), first.current().config().levels().healthy(),
                first.current().config().levels().watch())).isEqualTo(List.of("tighter-1", 80, 55));

        ActiveScorecard restarted = start(ds);
        assertThat(restarted.current().config()).isEqualTo(first.current().config());
        assertThat(restarted.latest()).contains(new ActiveScorecard.Applied("tighter-1", yaml, NOW,
                "diane.foster@redflag-demo.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"version: \"default-1\"\nlevels:\n  healthy: 80\n",
        "version: \"x-2\"\nlevels:\n  healthy: 20\n", "version: \"x-3\"\nweights:\n  NO_SUCH_SIGNAL: {points: 1}\n",
        "- not\n- a mapping\n", "version: [unclosed\n"})
    void aScorecardWithProblemsOrTheVersionInForceIsRefusedAndNothingChanges(String yaml) {
        DataSource ds = Databases.fresh("h2");
        ActiveScorecard scorecards = start(ds);
        assertThatThrownBy(() -> scorecards.apply(yaml, "someone")).isInstanceOf(StartupProblems.class)
                .satisfies(e -> assertThat(((StartupProblems) e).problems()).isNotEmpty());
        assertThat(scorecards.current().config().version()).isEqualTo("default-1");
        assertThat(scorecards.latest()).isEmpty();
        assertThat(start(ds).current().config().version()).isEqualTo("default-1");
    }
}
