package io.redflag.emulator.pubsub;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;

/**
 * Errors as the Pub/Sub API reports them (Pub/Sub API Developer Guide, "Handle Errors"): a gRPC status whose
 * description ends with the call's RPC id ("rpcId: …"), and trailers carrying Salesforce's own error code
 * ({@code error-code}) and the RPC id ({@code rpc-id}).
 */
final class PubSubErrors {
    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> RPC_ID = Metadata.Key.of("rpc-id", Metadata.ASCII_STRING_MARSHALLER);
    /** The session is missing, unknown or expired, or the instance URL or tenant id do not match it. */
    static final String AUTH_ERROR = "sfdc.platform.eventbus.grpc.service.auth.error";
    /** A CUSTOM replay id that is malformed, unknown, or older than the retention window. */
    static final String REPLAY_ID_CORRUPTED = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted";

    private PubSubErrors() {
    }

    static StatusRuntimeException unauthenticated(String why) {
        return error(Status.UNAUTHENTICATED, why, AUTH_ERROR);
    }

    static StatusRuntimeException invalidReplayId(String why) {
        return error(Status.INVALID_ARGUMENT, why, REPLAY_ID_CORRUPTED);
    }

    static StatusRuntimeException invalidArgument(String why) {
        return error(Status.INVALID_ARGUMENT, why, null);
    }

    static StatusRuntimeException notFound(String why) {
        return error(Status.NOT_FOUND, why, null);
    }

    /** @param errorCode Salesforce's error code for the trailer, or null when the emulator knows none */
    static StatusRuntimeException error(Status status, String description, String errorCode) {
        String rpcId = UUID.randomUUID().toString();
        Metadata trailers = new Metadata();
        if (errorCode != null) {
            trailers.put(ERROR_CODE, errorCode);
        }
        trailers.put(RPC_ID, rpcId);
        return status.withDescription(description + " rpcId: " + rpcId).asRuntimeException(trailers);
    }
}
