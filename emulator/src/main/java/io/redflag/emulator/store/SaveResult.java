package io.redflag.emulator.store;

import java.util.List;

/** The outcome of one record's create, update, upsert, delete or undelete. */
public record SaveResult(String id, boolean success, boolean created, List<RecordError> errors) {

    public SaveResult {
        errors = List.copyOf(errors);
    }

    public static SaveResult ok(String id, boolean created) {
        return new SaveResult(id, true, created, List.of());
    }

    public static SaveResult failed(String id, RecordError error) {
        return new SaveResult(id, false, false, List.of(error));
    }

    public static SaveResult failed(String id, List<RecordError> errors) {
        return new SaveResult(id, false, false, errors);
    }
}
