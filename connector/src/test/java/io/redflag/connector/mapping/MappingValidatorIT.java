package io.redflag.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped mapping against an org with and without the CRM plugin's fields, and broken mappings. */
class MappingValidatorIT {

    private static MappingReport check(Mapping mapping, EmulatorConfig config) throws Exception {
        try (Emulator emulator = Emulator.start(config)) {
            SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(
                    URI.create(emulator.baseUrl()), EmulatorConfig.DEFAULT_CLIENT_ID,
                    EmulatorConfig.DEFAULT_CLIENT_SECRET), Clock.systemUTC());
            var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object)
                    .collect(Collectors.toList());
            return MappingValidator.validate(mapping, WscOrgSchema.describe(session, objects));
        }
    }

    @Test
    void withThePluginInstalledTheShippedMappingHasNoProblems() throws Exception {
        MappingReport report = check(MappingLoader.load(MappingLoaderTest.DEFAULT),
                EmulatorConfig.defaults().withMetadata(Path.of("../plugin/force-app")));
        assertThat(report.problems()).isEmpty();
        assertThat(report.unavailable()).isEmpty();
    }

    @Test
    void withoutThePluginTheOptionalFieldsAreWarningsAndTheirPropertiesUnavailable() throws Exception {
        MappingReport report = check(MappingLoader.load(MappingLoaderTest.DEFAULT), EmulatorConfig.defaults());
        assertThat(report.errors()).isEmpty();
        assertThat(report.unavailable()).containsExactlyInAnyOrder("account.tier", "account.changeEvent",
                "account.healthScore", "account.riskLevel", "account.riskReasons", "account.healthTrend",
                "account.healthScoredAt", "contact.leftCompany", "opportunity.lossReason", "task.signalKey",
                "event.outcome");
        assertThat(report.warnings()).extracting(MappingProblem::toString)
                .anySatisfy(w -> assertThat(w).startsWith(MappingLoaderTest.DEFAULT + ":" + MappingLoaderTest.lineOf("leftCompany:")
                        + ": Contact.Left_Company__c:"
                        + " not in the org (optional)"));
    }

    @Test
    void unknownObjectsUnknownFieldsAndWrongTypesAreErrorsNamingLineAndField() throws Exception {
        String yaml = Files.readString(MappingLoaderTest.DEFAULT)
                .replace("object: Case", "object: Ticket__c")
                .replace("      title: Title", "      title: Job_Title__c")
                .replace("      annualRevenue: {field: AnnualRevenue, optional: true}",
                        "      annualRevenue: {field: Name, optional: true}");
        Mapping mapping = MappingLoader.load("edited.yaml", new java.io.ByteArrayInputStream(yaml.getBytes()));
        MappingReport report = check(mapping, EmulatorConfig.defaults().withMetadata(Path.of("../plugin/force-app")));
        assertThat(report.errors()).extracting(MappingProblem::toString).containsExactlyInAnyOrder(
                "edited.yaml:" + MappingLoaderTest.lineOf("object: Case") + ": Ticket__c: no such object in the org, or the integration user cannot read it"
                        + " (entity supportCase)",
                "edited.yaml:" + MappingLoaderTest.lineOf("      title: Title") + ": Contact.Job_Title__c: no such field, or the integration user cannot read it"
                        + " (feeds contact.title)",
                "edited.yaml:" + MappingLoaderTest.lineOf("annualRevenue:") + ": Account.Name: is a string field; account.annualRevenue needs a number, currency or"
                        + " percent field");
        assertThatThrownBy(report::throwIfErrors).isInstanceOf(MappingException.class)
                .hasMessageContaining("3 problem(s)").hasMessageContaining("edited.yaml:" + MappingLoaderTest.lineOf("      title: Title"));
    }
}
