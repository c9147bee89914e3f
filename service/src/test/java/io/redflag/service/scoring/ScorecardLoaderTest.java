package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.domain.scoring.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped scorecard file, an admin's partial file laid over it, and bad files named precisely. */
class ScorecardLoaderTest {
    private static final Mapping MAPPING = MappingLoader.load(Path.of("../mappings/salesforce.yaml"));

    @Test
    void theShippedFileIsTheDomainsDefaultsWithTheMappingsLists() {
        ScorecardConfig loaded = ScorecardLoader.load(null, MAPPING);
        ScorecardConfig defaults = ScorecardConfig.defaults();
        assertThat(loaded.weights()).isEqualTo(defaults.weights());
        assertThat(loaded.rules()).isEqualTo(defaults.rules());
        assertThat(loaded.levels()).isEqualTo(defaults.levels());
        assertThat(loaded.followUps()).isEqualTo(defaults.followUps());
        assertThat(loaded.version()).isEqualTo(defaults.version());
        assertThat(List.of(loaded.strategicMultiplier(), loaded.positiveCap(), loaded.minimumLoggingPerAccount(),
                loaded.minimumCoverage())).isEqualTo(List.of(defaults.strategicMultiplier(), defaults.positiveCap(),
                        defaults.minimumLoggingPerAccount(), defaults.minimumCoverage()));
        assertThat(loaded.executiveTitles()).isEqualTo(MAPPING.entities().get("contact").lists().get("executiveTitles"));
    }

    @Test
    void anAdminsPartialFileChangesOnlyWhatItSays(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scorecard.yaml");
        Files.writeString(file, "version: acme-2\nweights:\n  STALE_PLAN:\n    points: 5\nfollowUps:\n"
                + "  perOwnerPerWeek: 3\n");
        ScorecardConfig loaded = ScorecardLoader.load(file, MAPPING);
        assertThat(loaded.version()).isEqualTo("acme-2");
        assertThat(loaded.weights().get(Signal.STALE_PLAN).points()).isEqualTo(5);
        assertThat(loaded.weights().get(Signal.STALE_PLAN).cap()).isEqualTo(28);
        assertThat(loaded.followUps().perOwnerPerWeek()).isEqualTo(3);
        assertThat(loaded.followUps().playbooks()).hasSize(Signal.values().length);
    }

    @Test
    void badValuesAndUnknownKeysNameTheFileAndTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scorecard.yaml");
        Files.writeString(file, "levels:\n  healthy: 50\n");
        assertThatThrownBy(() -> ScorecardLoader.load(file, MAPPING)).hasMessageContaining(file.toString())
                .hasMessageContaining("levels").hasMessageContaining("100 >= healthy > watch > atRisk > 0");

        Files.writeString(file, "weights:\n  STALE_PLAN:\n    pionts: 5\n");
        assertThatThrownBy(() -> ScorecardLoader.load(file, MAPPING)).hasMessageContaining(file.toString())
                .hasMessageContaining("pionts");

        Files.writeString(file, "followUps:\n  playbooks:\n    COMPLAINTS:\n      priority: Urgent\n");
        assertThatThrownBy(() -> ScorecardLoader.load(file, MAPPING))
                .hasMessageContaining("followUps.playbooks.COMPLAINTS.priority = 'Urgent'")
                .hasMessageContaining("High, Normal or Low");

        assertThatThrownBy(() -> ScorecardLoader.load(dir.resolve("none.yaml"), MAPPING))
                .hasMessageContaining("redflag.scoring.scorecard-file");
        assertThat(List.of(Signal.values())).isNotEmpty();
    }
}
