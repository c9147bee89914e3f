package io.redflag.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.connector.session.SalesforceCredentials;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Describe results come from the org once, in one batch, and again only after they expire. */
class CachedOrgSchemaIT {

    @Test
    void objectsAreDescribedTogetherOnceAndAgainOnlyAfterTheyExpire() throws Exception {
        try (Emulator emulator = Emulator.start(EmulatorConfig.defaults()
                .withMetadata(Path.of("../plugin/force-app")))) {
            SalesforceSession session = new SalesforceSession(SalesforceCredentials.clientCredentials(
                    URI.create(emulator.baseUrl()), EmulatorConfig.DEFAULT_CLIENT_ID,
                    EmulatorConfig.DEFAULT_CLIENT_SECRET), Clock.systemUTC());
            AtomicLong nanos = new AtomicLong();
            CachedOrgSchema schema = new CachedOrgSchema(session, Duration.ofHours(1), nanos::get);

            schema.prefetch(List.of("Account", "Contact", "Task", "NoSuchThing__c"));
            assertThat(emulator.control().calls("describeSObjects")).isEqualTo(1);
            assertThat(schema.fields("account")).containsKey("health_score__c");
            assertThat(schema.fields("Task").get("risk_signal_key__c").type()).isEqualTo("string");
            assertThat(schema.fields("NoSuchThing__c")).isNull();
            assertThat(emulator.control().calls("describeSObjects")).as("all from the cache").isEqualTo(1);

            nanos.addAndGet(Duration.ofMinutes(61).toNanos());
            assertThat(schema.fields("Account")).isNotEmpty();
            assertThat(emulator.control().calls("describeSObjects")).isEqualTo(2);
        }
    }
}
