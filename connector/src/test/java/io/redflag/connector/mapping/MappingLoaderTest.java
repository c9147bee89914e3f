package io.redflag.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MappingLoaderTest {
    static final Path DEFAULT = Path.of("../mappings/salesforce.yaml");

    static Mapping load(String yaml) {
        return MappingLoader.load("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> problems(String yaml) {
        try {
            load(yaml);
            throw new AssertionError("expected problems");
        } catch (MappingException e) {
            return e.problems().stream().map(MappingProblem::toString).toList();
        }
    }

    @Test
    void theShippedMappingLoadsWithEveryEntity() {
        Mapping m = MappingLoader.load(DEFAULT);
        assertThat(m.entities()).containsOnlyKeys(MappingModel.entities().keySet());
        Mapping.EntityMapping opportunity = m.entities().get("opportunity");
        assertThat(opportunity.object()).isEqualTo("Opportunity");
        assertThat(opportunity.values().get("stage").meaningOf("closed won")).isEqualTo("WON");
        assertThat(opportunity.values().get("stage").meaningOf("Prospecting")).isEqualTo("OPEN");
        assertThat(m.entities().get("contact").fields().get("leftCompany"))
                .isEqualTo(new Mapping.FieldRef("Left_Company__c", true, "false", lineOf("leftCompany:")));
        assertThat(m.entities().get("account").lists().get("keyTiers")).containsExactly("Strategic", "Key");
    }

    @Test
    void theShippedMappingIsAlsoOnTheClassPath() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("mappings/salesforce.yaml")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(DEFAULT));
        }
    }

    @Test
    void everyShapeProblemIsReportedAtOnceWithItsLine() {
        String yaml = """
                version: 1
                colour: red
                entities:
                  account:
                    object: Account
                    fields:
                      id: Id
                      name: Name
                      owner: OwnerId
                      createdAt: CreatedDate
                      modifiedAt: SystemModstamp
                      mood: Mood__c
                      tier: {field: Tier__c, optional: maybe}
                  opportunity:
                    object: Opportunity
                    fields:
                      id: Id
                      createdAt: CreatedDate
                      modifiedAt: SystemModstamp
                      stage: StageName
                    values:
                      stage:
                        Closed Won: VICTORY
                  planet:
                    object: Planet__c
                """;
        List<String> problems = problems(yaml);
        assertThat(problems).contains(
                "test.yaml:2: colour: unknown key (expected [version, entities])",
                "test.yaml:13: account.tier.optional: must be true or false, not 'maybe'")
                .anySatisfy(p -> assertThat(p).startsWith("test.yaml:12: account.mood: unknown property"))
                .anySatisfy(p -> assertThat(p).startsWith("test.yaml:23: opportunity.values.stage.Closed Won:"
                        + " 'VICTORY' is not a meaning of stage"))
                .anySatisfy(p -> assertThat(p).startsWith("test.yaml:24: planet: unknown entity"))
                .anySatisfy(p -> assertThat(p).contains("user: missing"));
    }

    /** CallDisposition is free text: the shipped mapping's exact values, then its patterns, then UNKNOWN. */
    @ParameterizedTest(name = "CallDisposition ''{0}'' means {1}")
    @CsvSource(nullValues = "null", value = {
        "No Answer, NO_RESPONSE", "'  no answer ', NO_RESPONSE", "'No answer - left VM', NO_RESPONSE",
        "Voicemail, NO_RESPONSE", "'Left voice mail', NO_RESPONSE", "LVM, NO_RESPONSE", "'Busy signal', NO_RESPONSE",
        "'Not answered', NO_RESPONSE", "Connected, CONNECTED", "'connected - renewal discussed', CONNECTED",
        "'Spoke with the CFO', CONNECTED", "'Answered, meeting booked', CONNECTED", "'Meeting booked', UNKNOWN",
        "'', UNKNOWN", "null, UNKNOWN"})
    void theShippedMappingNamesFreeTextCallDispositions(String disposition, String meaning) {
        Mapping.ValueMap outcome = MappingLoader.load(DEFAULT).entities().get("task").values().get("outcome");
        assertThat(outcome.meaningOf(disposition)).isEqualTo(meaning);
    }

    @Test
    void aValuePatternThatIsNoRegularExpressionIsReportedWithItsLine() {
        String yaml = """
                version: 1
                entities:
                  task:
                    object: Task
                    fields:
                      id: Id
                      modifiedAt: SystemModstamp
                      outcome: CallDisposition
                    values:
                      outcome:
                        '/(no answer/': NO_RESPONSE
                        '/voicemail/': VOICEMAIL
                """;
        assertThat(problems(yaml)).anySatisfy(p -> assertThat(p).startsWith(
                "test.yaml:11: task.values.outcome./(no answer/: not a valid regular expression: Unclosed group"))
                .anySatisfy(p -> assertThat(p).startsWith("test.yaml:12: task.values.outcome./voicemail/:"
                        + " 'VOICEMAIL' is not a meaning of outcome"));
    }

    @Test
    void requiredPropertiesMustBeMapped() {
        String yaml = """
                version: 1
                entities:
                  account:
                    object: Account
                    fields:
                      id: Id
                """;
        assertThat(problems(yaml)).anySatisfy(p -> assertThat(p)
                .isEqualTo("test.yaml:4: account.owner: missing: this property is required"));
    }

    @Test
    void aBadRegularExpressionInATitleListIsReportedWithItsLineAndEveryOtherProblemWithIt() throws Exception {
        String shipped = Files.readString(DEFAULT);
        int line = lineOf("executiveTitles:");
        String yaml = shipped.replace("executiveTitles: ['\\bC[EFOIT]O\\b',", "executiveTitles: ['(unclosed',")
                .replace("keyContactTitles: ['\\bC[EFOIT]O\\b',", "keyContactTitles: ['[A-', {a: b},");
        assertThat(problems(yaml)).containsExactly(
                "test.yaml:" + line + ": contact.lists.executiveTitles: '(unclosed' is not a valid regular expression"
                        + " (Unclosed group near index 9)",
                "test.yaml:" + (line + 2) + ": contact.lists.keyContactTitles: '[A-' is not a valid regular expression"
                        + " (Illegal character range near index 3)",
                "test.yaml:" + (line + 2) + ": contact.lists.keyContactTitles: every item must be a single value");
    }

    @Test
    void aListThatIsNotARegularExpressionKeepsItsCharacters() {
        Mapping m = load(readDefault().replace("competitiveLossReasons: [Competitor]",
                "competitiveLossReasons: ['Competitor (price', '[unclosed']"));
        assertThat(m.entities().get("opportunity").lists().get("competitiveLossReasons"))
                .containsExactly("Competitor (price", "[unclosed");
    }

    private static String readDefault() {
        try {
            return Files.readString(DEFAULT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void brokenYamlNamesItsLine() {
        assertThatThrownBy(() -> load("version: 1\nentities:\n  account: [unclosed\n"))
                .isInstanceOf(MappingException.class).hasMessageContaining("test.yaml:").hasMessageContaining("YAML");
    }

    /** The line of the shipped mapping that holds {@code text} (first occurrence), as error messages count. */
    static int lineOf(String text) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(DEFAULT);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text + " is not in " + DEFAULT);
    }
}
