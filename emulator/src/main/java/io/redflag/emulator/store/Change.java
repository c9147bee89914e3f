package io.redflag.emulator.store;

/**
 * One record written by a transaction: the version before (null for a new record) and the version stored.
 */
public record Change(SRecord before, SRecord after) {

    /** What the write did to the record, as Change Data Capture names it. */
    public enum Kind {
        CREATE, UPDATE, DELETE, UNDELETE
    }

    public Change {
        if (after == null) {
            throw new IllegalArgumentException("a change needs the version stored");
        }
    }

    public Kind kind() {
        if (before == null) {
            return Kind.CREATE;
        }
        if (!before.isDeleted() && after.isDeleted()) {
            return Kind.DELETE;
        }
        if (before.isDeleted() && !after.isDeleted()) {
            return Kind.UNDELETE;
        }
        return Kind.UPDATE;
    }
}
