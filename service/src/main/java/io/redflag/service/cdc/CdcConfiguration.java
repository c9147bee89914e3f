package io.redflag.service.cdc;

import io.micrometer.core.instrument.MeterRegistry;
import io.redflag.connector.intake.CrmReads;
import io.redflag.connector.intake.PollSchedule;
import io.redflag.connector.intake.cdc.CdcSettings;
import io.redflag.connector.intake.cdc.ChangeDataCapture;
import io.redflag.connector.intake.cdc.ChangeEventIntake;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.startup.StartupProblems;
import io.redflag.service.store.CrmStore;
import io.redflag.service.sync.SyncProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import io.redflag.service.cluster.LeaderWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.MessageChannel;

/**
 * Wires the change stream when it is on: against the configured Pub/Sub API, or the demo org's. Bad settings
 * (a channel carrying an object the mapping does not read, a batch size out of range, an unreadable trust file)
 * stop start-up naming the property.
 */
@Configuration(proxyBeanMethods = false)
class CdcConfiguration {
    private static final Logger log = LoggerFactory.getLogger(CdcConfiguration.class);

    @Bean
    ChangeStreamLifecycle changeStream(CdcProperties properties, DemoOrg demoOrg, SalesforceSession session,
            CrmReads reads, CrmStore store, PollSchedule schedule,
            @Qualifier("changedAccounts") MessageChannel changedAccounts, SyncProperties sync, MeterRegistry meters,
            LeaderWork leaderWork) {
        if (!properties.on()) {
            log.info("Change Data Capture is off (redflag.cdc.enabled): polls read every object on their rhythm");
            return new ChangeStreamLifecycle(null, leaderWork, false);
        }
        CdcSettings settings;
        try {
            settings = demoOrg.emulator() != null
                    ? properties.settings("127.0.0.1", demoOrg.emulator().pubSubPort(),
                            demoOrg.emulator().pubSubCertificatePem())
                    : properties.settings(properties.host(), properties.port(), trust(properties));
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage());
        }
        ScheduleListener listener = new ScheduleListener(schedule, changedAccounts,
                properties.reconcileInterval(), meters);
        ChangeEventIntake intake = new ChangeEventIntake(reads, store, store, listener);
        ChangeDataCapture cdc;
        try {
            cdc = new ChangeDataCapture(settings, session, intake, store, store, listener);
        } catch (IllegalArgumentException e) {
            throw problem(e.getMessage() + " (redflag.cdc.objects, REDFLAG_CDC_OBJECTS)");
        }
        log.info("Change Data Capture: {} at {}:{}, covering {}", settings.topics(), settings.host(), settings.port(),
                cdc.coveredEntities());
        return new ChangeStreamLifecycle(cdc, leaderWork, sync.autoStartup());
    }

    private static String trust(CdcProperties properties) {
        if (properties.trustPemFile() == null) {
            return null;
        }
        try {
            return Files.readString(properties.trustPemFile());
        } catch (IOException e) {
            throw problem("redflag.cdc.trust-pem-file (REDFLAG_CDC_TRUST_PEM_FILE) = " + properties.trustPemFile()
                    + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static StartupProblems problem(String message) {
        return new StartupProblems("the Change Data Capture settings", List.of(message),
                "Fix the redflag.cdc.* settings (README, \"Change Data Capture\"), or set REDFLAG_CDC_ENABLED=false.");
    }
}
