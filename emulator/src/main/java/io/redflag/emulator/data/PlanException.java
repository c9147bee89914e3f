package io.redflag.emulator.data;

/** A data plan or tree file that cannot be loaded; the message names the file and, when known, the record. */
public final class PlanException extends IllegalArgumentException {
    public PlanException(String message) {
        super(message);
    }

    public PlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
