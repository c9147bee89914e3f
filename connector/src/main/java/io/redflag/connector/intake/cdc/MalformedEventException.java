package io.redflag.connector.intake.cdc;

/** A change event that cannot be read: its payload, schema or field lists are not what the Pub/Sub API sends. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
