package io.redflag.emulator.store;

import java.time.Instant;
import java.util.List;

/**
 * A committed transaction: every record version it stored, in the order it stored them (cascaded deletes,
 * history rows and derived records included), who made it and when.
 *
 * @param context     the write context of the transaction's first write
 * @param committedAt the org clock's time when the transaction ended (millisecond precision)
 */
public record Commit(List<Change> changes, WriteContext context, Instant committedAt) {

    public Commit {
        changes = List.copyOf(changes);
    }
}
