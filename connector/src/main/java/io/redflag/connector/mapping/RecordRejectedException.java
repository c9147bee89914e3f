package io.redflag.connector.mapping;

/** A CRM record that cannot be mapped: its id and the reason. The rest of its batch goes on. */
public final class RecordRejectedException extends RuntimeException {
    private final String recordId;

    RecordRejectedException(String entity, String recordId, String reason) {
        super(entity + " " + recordId + " rejected: " + reason);
        this.recordId = recordId;
    }

    public String recordId() {
        return recordId;
    }
}
