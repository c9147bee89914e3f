package io.redflag.service.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.domain.scoring.OutcomeSettings;
import io.redflag.domain.scoring.ScorecardConfig;
import io.redflag.domain.scoring.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.redflag.service.startup.StartupProblems;
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
    void theBacktestsOutcomesAreTheFilesOverTheShippedOnesAndBadOnesNameTheirKeys(@TempDir Path dir)
            throws Exception {
        assertThat(ScorecardLoader.outcomes(null)).isEqualTo(OutcomeSettings.defaults());
        Path file = dir.resolve("scorecard.yaml");
        Files.writeString(file, "outcomes:\n  lostDeal: false\n  formerCustomerTypes: [Churned, Lost]\n");
        assertThat(ScorecardLoader.outcomes(file)).isEqualTo(new OutcomeSettings(0.5, 12, false,
                List.of("Churned", "Lost"), 12));
        assertThat(ScorecardLoader.load(file, MAPPING).version()).isEqualTo("default-1");

        Files.writeString(file, "outcomes:\n  revenueShare: 1.5\n  noWonBusinessMonths: 61\n");
        assertThatThrownBy(() -> ScorecardLoader.outcomes(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("outcomes.revenueShare = '1.5'")
                .hasMessageContaining("outcomes.noWonBusinessMonths = '61'");
        Files.writeString(file, "outcomes:\n  lostDeals: true\n");
        assertThatThrownBy(() -> ScorecardLoader.outcomes(file)).hasMessageContaining("outcomes.lostDeals is not a"
                + " scorecard setting");
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

        Files.writeString(file, "followUps:\n  overCap: sometimes\n");
        assertThatThrownBy(() -> ScorecardLoader.load(file, MAPPING)).hasMessageContaining(file.toString())
                .hasMessageContaining("followUps.overCap = 'sometimes' is not valid; expected always (")
                .hasMessageContaining(") or replace (");
        Files.writeString(file, "followUps:\n  overCap: replace\n");
        assertThat(ScorecardLoader.load(file, MAPPING).followUps().replacesOverCap()).isTrue();

        assertThatThrownBy(() -> ScorecardLoader.load(dir.resolve("none.yaml"), MAPPING))
                .hasMessageContaining("redflag.scoring.scorecard-file");
        assertThat(List.of(Signal.values())).isNotEmpty();
    }

    @Test
    void everyUnknownKeyAndWrongKindIsReportedAtOnceByItsKeyNeverByAJavaType(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scorecard.yaml");
        Files.writeString(file, """
                levels:
                  healthy: high
                weights:
                  STALE_PLAN:
                    pionts: 5
                  NO_SUCH_SIGNAL:
                    points: 1
                rules: 12
                followUps:
                  keyAccountsOnly: maybe
                colour: red
                """);
        assertThatThrownBy(() -> ScorecardLoader.load(file, MAPPING)).isInstanceOfSatisfying(StartupProblems.class,
                e -> {
                    assertThat(e.subject()).isEqualTo("the scorecard " + file);
                    assertThat(e.problems()).containsExactly(
                            "levels.healthy = 'high' must be a number, e.g. 75",
                            "weights.STALE_PLAN.pionts is not a scorecard setting; weights.STALE_PLAN holds points,"
                                    + " cap, severity",
                            "weights.NO_SUCH_SIGNAL is not a scorecard setting; weights holds "
                                    + String.join(", ", List.of(Signal.values()).stream().map(Enum::name).toList()),
                            "rules = '12' must be a group of keys (" + ruleKeys() + ")",
                            "followUps.keyAccountsOnly = 'maybe' must be true or false, e.g. true",
                            "colour is not a scorecard setting; the settings are " + topKeys());
                    assertThat(String.join("\n", e.problems())).doesNotContain("java.", "`", "$");
                });
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsNamedByItsKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scorecard.yaml");
        Files.writeString(file, "followUps:\n  perOwnerPerWeek: 2.5\n");
        assertThatThrownBy(() -> ScorecardLoader.load(file, MAPPING)).isInstanceOfSatisfying(StartupProblems.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith("followUps.perOwnerPerWeek: ")
                        .doesNotContain("java.", "ScorecardConfig", "$"));
    }

    private static String ruleKeys() {
        return String.join(", ", shippedTree().get("rules").propertyNames());
    }

    private static String topKeys() {
        return String.join(", ", shippedTree().propertyNames());
    }

    private static tools.jackson.databind.JsonNode shippedTree() {
        try (var in = ScorecardLoader.class.getClassLoader().getResourceAsStream(ScorecardLoader.SHIPPED)) {
            return new tools.jackson.dataformat.yaml.YAMLMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
