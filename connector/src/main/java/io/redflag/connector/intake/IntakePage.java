package io.redflag.connector.intake;

import io.redflag.connector.mapping.MappedRecord;
import java.util.Collection;
import java.util.List;

/**
 * One page a source hands to the store: one entity's mapped records, the ids the same read found deleted,
 * and the position the page reaches (null: it moves none).
 *
 * @param read what kind of read brought the page, which decides how the store writes it
 */
public record IntakePage(String entity, List<MappedRecord> records, Collection<String> deletedIds,
        Position position, Read read) {

    /** What kind of read brought a page. */
    public enum Read {
        /** changes since a watermark, or records re-read because a notification named them */
        CHANGES,
        /**
         * every record of the object: the page may touch any account, so the store queues the entity's
         * every-account marker once instead of each account
         */
        FULL,
        /**
         * a full read that began on an empty table: records are inserted without looking for stored
         * versions; a record the read brings twice fails on its key and the store writes the page again the
         * ordinary way
         */
        FULL_INTO_EMPTY
    }

    public IntakePage {
        records = List.copyOf(records);
        deletedIds = List.copyOf(deletedIds);
    }

    /** Changed records alone, moving no position. */
    public static IntakePage changes(String entity, List<MappedRecord> records) {
        return new IntakePage(entity, records, List.of(), null, Read.CHANGES);
    }

    public boolean fullRead() {
        return read != Read.CHANGES;
    }
}
