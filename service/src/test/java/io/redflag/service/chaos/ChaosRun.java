package io.redflag.service.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.service.StoreStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * One chaos run: an emulated org in its own process, a PostgreSQL schema, and service replicas sharing both.
 * Replicas are numbered in start order (replica-1, replica-2 …); a killed one stays dead and a new one may be
 * started in its place. Without leader election in the service jar (no Flyway V11) only one replica runs at a
 * time: a kill is then followed by a restart, and takeover times are restart times. Logs stay under
 * {@code target/chaos/<run>/}. {@link #close} kills whatever is still running and drops the schema.
 */
final class ChaosRun implements AutoCloseable {
    static final int ACCOUNTS = Integer.getInteger("chaos.accounts", 500);
    static final int SEED = 7;
    private static final Pattern LOG_TIME = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z)", Pattern.MULTILINE);

    private final Path dir;
    private final EmulatorProcess org;
    private final ChaosDatabase db;
    private final Map<String, String> settings;
    private final List<Replica> replicas = new ArrayList<>();

    private ChaosRun(Path dir, EmulatorProcess org, ChaosDatabase db, Map<String, String> settings) {
        this.dir = dir;
        this.org = org;
        this.db = db;
        this.settings = settings;
    }

    /** A new org and schema; replicas get these settings besides {@link Replica}'s. */
    static ChaosRun start(String name, Map<String, String> settings) {
        return start(name, settings, ACCOUNTS);
    }

    static ChaosRun start(String name, Map<String, String> settings, int accounts) {
        Jars.requireBuilt();
        Path dir = Path.of("target", "chaos", name + "-" + System.currentTimeMillis()).toAbsolutePath();
        ChaosDatabase db = ChaosDatabase.create();
        try {
            return new ChaosRun(dir, EmulatorProcess.start(dir, accounts, SEED), db, settings);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Whether the packaged service elects a leader (Flyway V11, the lock table, is in the jar). */
    static boolean leaderElection() {
        try (JarFile jar = new JarFile(Jars.SERVICE.toFile())) {
            return jar.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/classes/db/migration/V11__"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EmulatorProcess org() {
        return org;
    }

    ChaosDatabase db() {
        return db;
    }

    List<Replica> alive() {
        return replicas.stream().filter(r -> r.process().alive()).toList();
    }

    /** Starts replicas at once (one when the service has no leader election) and waits until each has started. */
    List<Replica> startReplicas(int wanted) {
        int n = leaderElection() ? wanted : 1;
        List<Replica> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            started.add(startOne());
        }
        started.forEach(Replica::awaitStarted);
        return started;
    }

    Replica startOne() {
        Replica r = Replica.start("replica-" + (replicas.size() + 1), dir, org, db, settings);
        replicas.add(r);
        return r;
    }

    Replica awaitLeader(Duration atMost) {
        return await("a leading replica").atMost(atMost).pollInterval(Duration.ofMillis(200))
                .until(() -> alive().stream().filter(Replica::leads).findFirst().orElse(null),
                        java.util.Objects::nonNull);
    }

    /** What happened after a kill: who leads now, and how long after the kill it logged leadership. */
    record Takeover(Replica killed, Replica leader, Duration took) {
    }

    /**
     * kill -9 of the leader, then waits for another replica to lead (without leader election, a new replica is
     * started and the time is its restart). Takeover time: from just before the kill to the new leader's log
     * line "Leadership granted" (or "Started" without leader election).
     */
    Takeover killLeader(Replica leader, Duration atMost) {
        Instant killed = Instant.now();
        leader.kill();
        boolean election = leaderElection();
        if (!election) {
            startOne();
        }
        Replica next = await("another replica leads").atMost(atMost).pollInterval(Duration.ofMillis(100))
                .until(() -> alive().stream().filter(r -> r != leader && r.leads()).findFirst().orElse(null),
                        java.util.Objects::nonNull);
        Pattern line = election ? Replica.GRANTED : Replica.STARTED;
        Instant at = next.process().find(Pattern.compile("^.*" + line.pattern() + ".*$", Pattern.MULTILINE))
                .map(m -> logTime(m.group())).orElse(Instant.now());
        return new Takeover(leader, next, Duration.between(killed, at));
    }

    private static Instant logTime(String line) {
        Matcher m = LOG_TIME.matcher(line);
        return m.find() ? Instant.parse(m.group(1)) : Instant.now();
    }

    /** Waits until the leader has read, scored and written everything. */
    Replica awaitSettled(Duration atMost) {
        return awaitSettled(atMost, Instant.EPOCH);
    }

    /** ... and every object has been polled to its end after {@code since}. */
    Replica awaitSettled(Duration atMost, Instant since) {
        return await("the leader settles").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .until(() -> alive().stream().filter(r -> r.leads() && r.settled(since)).findFirst().orElse(null),
                        java.util.Objects::nonNull);
    }

    /** Assessments in the store so far (0 before Flyway has made the table). */
    int assessments() {
        try {
            Integer n = db.jdbc().queryForObject("SELECT COUNT(*) FROM assessment", Integer.class);
            return n == null ? 0 : n;
        } catch (org.springframework.dao.DataAccessException e) {
            return 0;
        }
    }

    /** Waits for the first assessments of a scoring round, batch by batch in the store. */
    void awaitScoring() {
        await("the leader is scoring").atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(50))
                .until(() -> assessments() > 0);
    }

    CrmState crm() {
        return CrmState.read(org.session());
    }

    /** The store equals a fresh copy of the org, row by row (deleted rows included). */
    void assertStoreEqualsOrg() {
        DataSource copy = OrgCopy.of(org.session());
        StoreStates.assertSameCrmRecords(copy, db.dataSource());
    }

    /** No key on two tasks; returns the state read. */
    CrmState assertNoDoubledTasks() {
        CrmState now = crm();
        assertThat(now.doubledKeys()).as("Risk_Signal_Key__c values on more than one task").isEmpty();
        return now;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        for (Replica r : replicas) {
            r.close();
        }
        org.close();
        db.close();
    }
}
