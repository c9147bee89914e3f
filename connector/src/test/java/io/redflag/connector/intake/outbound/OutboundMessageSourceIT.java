package io.redflag.connector.intake.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.IntakeStore;
import io.redflag.connector.intake.Position;
import io.redflag.connector.intake.StoredPage;
import io.redflag.connector.intake.Watermark;
import io.redflag.connector.mapping.Mapping;
import io.redflag.connector.mapping.MappingLoader;
import io.redflag.connector.mapping.MappingValidator;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.mapping.WscOrgSchema;
import io.redflag.connector.resilience.ApiBudget;
import io.redflag.connector.resilience.ResilienceSettings;
import io.redflag.connector.resilience.ResilientCrm;
import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Outbound Message source against the emulated demo org: org check, de-duplication, re-read by Id. */
class OutboundMessageSourceIT {
    private static Emulator emulator;
    private static SalesforceSession session;
    private static CrmReads reads;

    /** Keeps the pages and the notification ids it was given. */
    private static final class Pages implements IntakeStore {
        final List<IntakePage> pages = new ArrayList<>();
        final Set<String> seen = new HashSet<>();

        @Override
        public StoredPage store(IntakePage page, Future<?> previous) {
            pages.add(page);
            seen.addAll(((Position.Notifications) page.position()).ids());
            return new StoredPage(page.records().size(), Set.of("001"), 0);
        }

        @Override
        public Optional<Watermark> watermark(String object) {
            return Optional.empty();
        }

        @Override
        public boolean isEmpty(String entity) {
            return true;
        }

        @Override
        public Set<String> storeDeletions(String entity, Collection<String> ids, String object, Instant covered) {
            return Set.of();
        }

        @Override
        public void forgetWatermark(String object) {
        }

        @Override
        public void fullReadDone(String entity) {
        }

        @Override
        public Set<String> unseenNotifications(Collection<String> ids) {
            Set<String> unseen = new HashSet<>(ids);
            unseen.removeAll(seen);
            return unseen;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EmulatorConfig.defaults().withDemoOrg());
        session = new SalesforceSession(SalesforceCredentials.clientCredentials(URI.create(emulator.baseUrl()),
                EmulatorConfig.DEFAULT_CLIENT_ID, EmulatorConfig.DEFAULT_CLIENT_SECRET), Clock.systemUTC());
        Mapping mapping = MappingLoader.load(java.nio.file.Path.of("../mappings/salesforce.yaml"));
        var objects = mapping.entities().values().stream().map(Mapping.EntityMapping::object).toList();
        RecordMapper mapper = new RecordMapper(mapping, MappingValidator.validate(mapping,
                WscOrgSchema.describe(session, objects)).throwIfErrors());
        reads = new CrmReads(new ResilientCrm(session, ResilienceSettings.defaults(), ApiBudget.of(session)), mapper,
                2000);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static List<String> ids(String object, int n) {
        var org = emulator.store();
        return org.snapshot(org.schema().find(object), false).stream().limit(n).map(r -> r.id()).toList();
    }

    @Test
    void theNamedRecordsAreReadAgainOneQueryPerObjectAndStoredWithTheirNotificationIds() {
        Pages store = new Pages();
        OutboundMessageSource source = new OutboundMessageSource(reads, store, () -> Emulator.ORG_ID);
        List<String> contacts = ids("Contact", 3);
        String account = ids("Account", 1).get(0);
        OutboundMessage message = new OutboundMessage(Emulator.ORG_ID.substring(0, 15), "04k000000000001", null,
                List.of(new OutboundMessage.Notification("04l000000000001", "Contact", contacts.get(0)),
                        new OutboundMessage.Notification("04l000000000002", "Contact", contacts.get(1)),
                        new OutboundMessage.Notification("04l000000000003", "Account", account),
                        new OutboundMessage.Notification("04l000000000004", "Contact", contacts.get(2)),
                        new OutboundMessage.Notification("04l000000000005", "Lead", "00Q000000000001")));

        OutboundMessageSource.Received first = source.receive(message);
        assertThat(first).isEqualTo(new OutboundMessageSource.Received(Set.of("contact", "account"), Set.of("001"),
                4, 0, 1, 2));
        assertThat(store.pages).extracting(IntakePage::entity, p -> p.records().stream().map(r -> r.id()).sorted()
                .toList(), IntakePage::position).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("contact", contacts.stream().sorted().toList(),
                                new Position.Notifications(Set.of("04l000000000001", "04l000000000002",
                                        "04l000000000004"))),
                        org.assertj.core.groups.Tuple.tuple("account", List.of(account),
                                new Position.Notifications(Set.of("04l000000000003"))));

        // Delivered again (the answer was lost): nothing is read or stored twice.
        assertThat(source.receive(message)).isEqualTo(new OutboundMessageSource.Received(Set.of(), Set.of(), 0, 4, 1,
                0));
        assertThat(store.pages).hasSize(2);
    }

    @Test
    void aMessageFromAnotherOrgIsRefusedAndNothingIsRead() {
        Pages store = new Pages();
        OutboundMessageSource source = new OutboundMessageSource(reads, store, () -> Emulator.ORG_ID);
        OutboundMessage foreign = new OutboundMessage("00D000000000XYZ", "04k000000000001", null,
                List.of(new OutboundMessage.Notification("04l000000000001", "Contact", ids("Contact", 1).get(0))));
        assertThatThrownBy(() -> source.receive(foreign)).isInstanceOf(ForeignOrgException.class)
                .hasMessageContaining("00D000000000XYZ").hasMessageContaining(Emulator.ORG_ID);
        assertThat(store.pages).isEmpty();
    }
}
