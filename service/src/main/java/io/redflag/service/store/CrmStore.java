package io.redflag.service.store;

import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.IntakeStore;
import io.redflag.connector.intake.Position;
import io.redflag.connector.intake.StoredPage;
import io.redflag.connector.intake.Watermark;
import io.redflag.connector.intake.cdc.ReplayStore;
import io.redflag.connector.mapping.MappedRecord;
import io.redflag.connector.mapping.MappingModel;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's side of intake: writes mapped CRM records with the position of the source that read them (a
 * poll's watermark, Outbound Message notification ids) in one transaction. Upserts are idempotent and ordered: a record is written
 * only when it is new or its stamp is not older than the stored one, so a late or repeated batch never
 * undoes a newer change. An equal stamp is written again on purpose: SystemModstamp has second precision,
 * so two changes within one second carry the same stamp and the later read must win.
 */
public class CrmStore implements IntakeStore, ReplayStore {
    private static final Logger log = LoggerFactory.getLogger(CrmStore.class);
    /** Tries of a page whose transaction met another's (the dirty-account queue is shared by the lanes). */
    private static final int CONFLICT_ATTEMPTS = 3;
    /** Runs ANALYZE after full reads, one table at a time, on a daemon thread. */
    private static final java.util.concurrent.ExecutorService ANALYZER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "redflag-store-analyze");
                t.setDaemon(true);
                return t;
            });
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<String, RecordWriter> writers = new LinkedHashMap<>();
    private final Map<String, EntityTable> tables = new LinkedHashMap<>();
    private final NotificationLog notifications;
    private final ReplayLog replays;
    private final StoredRecords storedRecords;
    private final DirtyAccounts dirty;
    /** Whether the store is PostgreSQL (found on first use). */
    private volatile Boolean postgres;

    public CrmStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public CrmStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
        this.notifications = new NotificationLog(jdbc, clock);
        this.replays = new ReplayLog(jdbc, clock);
        this.storedRecords = new StoredRecords(jdbc);
        this.dirty = new DirtyAccounts(dataSource);
        for (String entity : MappingModel.entities().keySet()) {
            EntityTable table = EntityTable.of(entity);
            tables.put(entity, table);
            writers.put(entity, new RecordWriter(jdbc, table));
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A page of a full read may touch any account: it queues the entity's {@link DirtyAccounts#everyAccount
     * every-account marker} once instead of each account (which on an initial sync would be every account, once
     * per page), and reports that marker as its only changed account. A page that meets another transaction on
     * the dirty-account queue (the sync reads objects in lanes), a deadlock or a lock timeout is stored again.
     */
    @Override
    public StoredPage store(IntakePage page, Future<?> previous) {
        if (page.read() == IntakePage.Read.FULL_INTO_EMPTY) {
            try {
                return store(page, previous, true);
            } catch (DataIntegrityViolationException e) {
                log.info("A page of {} repeats a stored record (changed during the read); storing it again with"
                        + " look-ups", page.entity());
            }
        }
        for (int attempt = 1;; attempt++) {
            try {
                return store(page, previous, false);
            } catch (DuplicateKeyException | TransientDataAccessException e) {
                // The page is idempotent, so store it again.
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
                log.info("A page of {} met a concurrent transaction ({}); storing it again", page.entity(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private StoredPage store(IntakePage page, Future<?> previous, boolean assumeAbsent) {
        String entity = page.entity();
        return tx.execute(status -> {
            RecordWriter.Outcome stored = writer(entity).write(page.records(), !page.fullRead(), assumeAbsent);
            RecordWriter.Outcome deleted = writer(entity).markDeleted(page.deletedIds());
            awaitCommit(previous);
            Set<String> changed = new LinkedHashSet<>(stored.changedAccounts());
            changed.addAll(deleted.changedAccounts());
            if (page.fullRead() && (stored.written() > 0 || deleted.written() > 0)) {
                changed = Set.of(DirtyAccounts.everyAccount(entity));
            }
            queueDirty(changed);
            if (page.position() instanceof Watermark w) {
                saveWatermark(w);
            } else if (page.position() instanceof Position.Notifications n) {
                notifications.remember(n.ids());
            } else if (page.position() instanceof Position.Replay r) {
                replays.save(r.topic(), r.replayId());
            }
            return new StoredPage(stored.written(), changed, stored.unchanged());
        });
    }

    private static void awaitCommit(Future<?> previous) {
        if (previous == null) {
            return;
        }
        try {
            previous.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the previous page was being stored", e);
        } catch (ExecutionException | CancellationException e) {
            throw new IllegalStateException("the previous page was not stored, so this one is not either", e);
        }
    }

    /** Marks records deleted in the CRM and queues their accounts; returns how many were found. */
    public int markDeleted(String entity, Collection<String> ids) {
        Integer n = tx.execute(status -> {
            RecordWriter.Outcome deleted = writer(entity).markDeleted(ids);
            queueDirty(deleted.changedAccounts());
            return deleted.written();
        });
        return n == null ? 0 : n;
    }

    @Override
    public Optional<Watermark> watermark(String object) {
        return jdbc.query("SELECT object_name, watermark, last_id, deletions_covered FROM sync_watermark"
                + " WHERE object_name = ?", (rs, i) -> {
                    OffsetDateTime covered = rs.getObject(4, OffsetDateTime.class);
                    return new Watermark(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), covered == null ? null : covered.toInstant());
                }, object).stream().findFirst();
    }

    @Override
    public Set<String> storeDeletions(String entity, Collection<String> ids, String object, Instant covered) {
        return tx.execute(status -> {
            RecordWriter.Outcome deleted = writer(entity).markDeleted(ids);
            queueDirty(deleted.changedAccounts());
            jdbc.update("UPDATE sync_watermark SET deletions_covered = ? WHERE object_name = ?", jdbcValue(covered),
                    object);
            return deleted.changedAccounts();
        });
    }

    @Override
    public void forgetWatermark(String object) {
        jdbc.update("DELETE FROM sync_watermark WHERE object_name = ?", object);
    }

    /**
     * On PostgreSQL, ANALYZE the table (in the background): right after a first sync its statistics still say "empty" until
     * autovacuum comes by, and the planner then joins 20,000 accounts to 60,000 opportunities by nested loops
     * (20 s for the scoring's key-account query instead of 0.1 s).
     */
    @Override
    public void fullReadDone(String entity) {
        if (postgres == null) {
            postgres = jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>) c ->
                    "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
        }
        if (Boolean.TRUE.equals(postgres)) {
            // In the background: the sync need not wait for the statistics; the scoring after it needs them.
            String table = table(entity).table();
            ANALYZER.execute(() -> {
                try {
                    jdbc.execute("ANALYZE " + table);
                } catch (RuntimeException e) {
                    log.warn("ANALYZE {} failed (PostgreSQL's autovacuum will get to it): {}", table, e.getMessage());
                }
            });
        }
    }

    @Override
    public boolean isEmpty(String entity) {
        return count(entity, true) == 0;
    }

    @Override
    public Set<String> unseenNotifications(Collection<String> ids) {
        return notifications.unseen(ids);
    }

    @Override
    public Optional<byte[]> replayId(String topic) {
        return replays.replayId(topic);
    }

    @Override
    public void forgetReplayId(String topic) {
        replays.forget(topic);
    }

    @Override
    public Map<String, MappedRecord> stored(String entity, Collection<String> ids) {
        return storedRecords.live(table(entity), ids);
    }

    /** The tables of the CRM's records, one per entity of the model, in the model's order. */
    public static List<String> tables() {
        return MappingModel.entities().keySet().stream().map(e -> EntityTable.of(e).table()).toList();
    }

    public int count(String entity, boolean includeDeleted) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table(entity).table()
                + (includeDeleted ? "" : " WHERE deleted = FALSE"), Integer.class);
        return n == null ? 0 : n;
    }

    /** One stored row as property → value, for checks and tests; empty when absent. */
    public Map<String, Object> row(String entity, String id) {
        EntityTable table = table(entity);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table.table() + " WHERE id = ?", id);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> byColumn = new LinkedHashMap<>();
        rows.get(0).forEach((k, v) -> byColumn.put(k.toLowerCase(), v));
        Map<String, Object> out = new LinkedHashMap<>();
        for (EntityTable.Column c : table.columns()) {
            out.put(c.property(), byColumn.get(c.name()));
        }
        out.put("deleted", byColumn.get("deleted"));
        return out;
    }

    /** Saves a watermark; it never moves back (an overlap re-read ends before the stored position). */
    private void saveWatermark(Watermark w) {
        jdbc.update("MERGE INTO sync_watermark AS t USING (VALUES (CAST(? AS VARCHAR(80)),"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(18)), CAST(? AS TIMESTAMP WITH TIME ZONE)))"
                + " AS s (object_name, watermark, last_id, updated_at) ON t.object_name = s.object_name"
                + " WHEN MATCHED AND (t.watermark < s.watermark OR (t.watermark = s.watermark AND t.last_id <= s.last_id))"
                + " THEN UPDATE SET watermark = s.watermark, last_id = s.last_id, updated_at = s.updated_at"
                + " WHEN NOT MATCHED THEN INSERT (object_name, watermark, last_id, updated_at)"
                + " VALUES (s.object_name, s.watermark, s.last_id, s.updated_at)",
                w.object(), jdbcValue(w.watermark()), w.lastId(), jdbcValue(clock.instant()));
    }

    /** Queues accounts for rescoring, in the caller's transaction. */
    private void queueDirty(Set<String> accounts) {
        dirty.queue(accounts, clock.instant());
    }

    private static Object jdbcValue(Object v) {
        return RecordWriter.jdbcValue(v);
    }

    private RecordWriter writer(String entity) {
        table(entity);
        return writers.get(entity);
    }

    private EntityTable table(String entity) {
        EntityTable t = tables.get(entity);
        if (t == null) {
            throw new IllegalArgumentException("no entity " + entity + " in the model");
        }
        return t;
    }
}
