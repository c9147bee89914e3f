package io.redflag.emulator.store;

import java.util.List;

/** A per-record error as a save result carries it: Salesforce's status code, message and field names. */
public record RecordError(String statusCode, String message, List<String> fields) {

    public RecordError {
        fields = List.copyOf(fields);
    }

    public static RecordError of(String statusCode, String message, String... fields) {
        return new RecordError(statusCode, message, List.of(fields));
    }
}
