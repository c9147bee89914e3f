package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.startup.StartupProblems;
import io.redflag.service.store.DirtyAccounts;
import io.redflag.service.store.OrgBinding;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store is bound to its org across runs, as a user meets it: the README's demo command twice in one folder
 * scores the demo org both times; a store of another org stops start-up naming both ids, or is reset on request
 * and the connected org synced and scored in full.
 */
class StoreOrgIT {
    private static final String OTHER_ORG = "00D5e0000009ZzzEAA";
    private static final String[] FAST = {"--server.port=0", "--redflag.scoring.sweep-interval=200ms",
        "--redflag.sync.poll-interval=200ms", "--redflag.sync.max-poll-interval=200ms",
        "--redflag.sync.daily-ceiling=100000000"};

    @Test
    void theDemoCommandTwiceInOneFolderScoresTheDemoOrgBothTimes(@TempDir Path folder) {
        String store = "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("data/redflag")
                + ";DB_CLOSE_ON_EXIT=FALSE";
        List<List<Object>> first;
        List<List<Object>> firstTasks;
        try (ConfigurableApplicationContext run = start(store, "--demo", "--redflag.salesforce.demo-port=0")) {
            Emulator org = run.getBean(DemoOrg.class).emulator();
            awaitEveryAccountScored(run, org);
            first = OrgStates.riskFields(org);
            firstTasks = OrgStates.followUpTasks(org);
        }
        try (ConfigurableApplicationContext run = start(store, "--demo", "--redflag.salesforce.demo-port=0")) {
            Emulator org = run.getBean(DemoOrg.class).emulator();
            awaitEveryAccountScored(run, org);
            assertThat(OrgStates.riskFields(org)).isEqualTo(first);
            assertThat(OrgStates.followUpTasks(org)).isEqualTo(firstTasks).isNotEmpty();
        }
    }

    @Test
    void aStoreOfAnotherOrgStopsStartUpNamingBothIdsOrIsResetOnRequest(@TempDir Path folder) {
        String url = "jdbc:h2:file:" + folder.resolve("redflag") + ";DB_CLOSE_ON_EXIT=FALSE";
        DriverManagerDataSource ds = new DriverManagerDataSource(url, "sa", "");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("INSERT INTO store_org (singleton, org_id, bound_at) VALUES (1, ?, ?)", OTHER_ORG,
                Timestamp.from(Instant.parse("2026-11-01T00:00:00Z")));
        // The other org's account as the API lists it: a reset must take it away, a stop must leave it.
        jdbc.update("INSERT INTO account_score (account_id, assessment_id, as_of, score, level, key_account, strategic)"
                + " VALUES ('0015e0000009ZzzAAA', 1, ?, 40, 'At Risk', true, false)",
                Timestamp.from(Instant.parse("2026-11-01T00:00:00Z")));

        try (Emulator org = Emulator.start(EmulatorConfig.defaults().withDemoOrg())) {
            String[] crm = {"--redflag.demo=false", "--spring.datasource.url=" + url,
                "--redflag.salesforce.login-url=" + org.baseUrl(),
                "--redflag.salesforce.client-id=" + EmulatorConfig.DEFAULT_CLIENT_ID,
                "--redflag.salesforce.client-secret=" + EmulatorConfig.DEFAULT_CLIENT_SECRET};

            assertThatThrownBy(() -> start(crm).close()).rootCause().isInstanceOf(StartupProblems.class)
                    .hasMessageContaining(OTHER_ORG).hasMessageContaining(Emulator.ORG_ID);
            assertThat(jdbc.queryForObject("SELECT org_id FROM store_org", String.class)).isEqualTo(OTHER_ORG);
            assertThat(jdbc.queryForList("SELECT account_id FROM account_score", String.class))
                    .containsExactly("0015e0000009ZzzAAA");

            String[] reset = concat(crm, "--redflag.store.on-org-change=reset");
            try (ConfigurableApplicationContext run = start(reset)) {
                assertThat(run.getBean(OrgBinding.class).boundOrg()).isEqualTo(Emulator.ORG_ID);
                awaitEveryAccountScored(run, org);
                assertThat(jdbc.queryForList("SELECT account_id FROM account_score", String.class))
                        .hasSize(OrgStates.riskFields(org).size()).doesNotContain("0015e0000009ZzzAAA");
            }
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(RedflagApplication.class).run(concat(FAST, args));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * Every account of the org carries risk fields, and nothing is left to score or write: no account waiting,
     * no risk field update and no follow-up task pending (write-back writes the fields before the tasks).
     */
    private static void awaitEveryAccountScored(ConfigurableApplicationContext run, Emulator org) {
        MeterRegistry meters = run.getBean(MeterRegistry.class);
        DirtyAccounts dirty = run.getBean(DirtyAccounts.class);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            List<List<Object>> fields = OrgStates.riskFields(org);
            return !fields.isEmpty() && fields.stream().allMatch(f -> f.get(2) != null) && dirty.size() == 0
                    && meters.get("redflag.outbox.pending").gauge().value() == 0
                    && meters.get("redflag.followups.pending").gauge().value() == 0;
        });
    }
}
