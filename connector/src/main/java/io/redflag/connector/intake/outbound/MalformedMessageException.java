package io.redflag.connector.intake.outbound;

/** An Outbound Message that cannot be accepted; the message says why, without echoing the body. */
public final class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String reason) {
        super(reason);
    }

    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
