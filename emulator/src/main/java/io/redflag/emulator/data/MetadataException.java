package io.redflag.emulator.data;

/** A metadata file that cannot be loaded; the message names the file (and the line when known). */
public final class MetadataException extends IllegalArgumentException {
    public MetadataException(String message) {
        super(message);
    }

    public MetadataException(String message, Throwable cause) {
        super(message, cause);
    }
}
