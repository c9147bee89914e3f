package io.redflag.emulator.pubsub;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.redflag.emulator.oauth.Sessions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.IntSupplier;

/**
 * Checks the metadata every Pub/Sub API call carries, as Salesforce does: {@code accesstoken} a live session
 * of the org, {@code instanceurl} the org's instance URL (https or http, 127.0.0.1 or localhost, the
 * emulator's port), {@code tenantid} the org id (15 or 18 characters; a client may take it from the access
 * token, whose prefix before '!' is the 15-character org id). Anything else ends the call with UNAUTHENTICATED.
 */
final class PubSubAuth implements ServerInterceptor {
    static final Metadata.Key<String> ACCESS_TOKEN = Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> INSTANCE_URL = Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> TENANT_ID = Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER);
    /** The caller's access token, for the checks a long-lived stream repeats. */
    static final Context.Key<String> TOKEN = Context.key("accesstoken");

    private final Sessions sessions;
    private final String orgId;
    private final IntSupplier instancePort;

    /** @param instancePort the port of the org's instance URL (the emulator's HTTP port), read at each call */
    PubSubAuth(Sessions sessions, String orgId, IntSupplier instancePort) {
        this.sessions = sessions;
        this.orgId = orgId;
        this.instancePort = instancePort;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        String token = headers.get(ACCESS_TOKEN);
        StatusRuntimeException refused = check(token, headers.get(INSTANCE_URL), headers.get(TENANT_ID));
        if (refused != null) {
            call.close(refused.getStatus(), refused.getTrailers());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(TOKEN, token), call, headers, next);
    }

    /** Whether a token is still a live session (checked again by streams as they run). */
    boolean live(String token) {
        return sessions.find(token) != null;
    }

    private StatusRuntimeException check(String token, String instanceUrl, String tenantId) {
        if (token == null || token.isBlank()) {
            return PubSubErrors.unauthenticated("the accesstoken header is missing");
        }
        if (!live(token)) {
            return PubSubErrors.unauthenticated("the access token is not a valid session (unknown, expired or"
                    + " revoked)");
        }
        if (!isInstanceUrl(instanceUrl)) {
            return PubSubErrors.unauthenticated("instanceurl '" + instanceUrl + "' is not this org's instance URL"
                    + " (https://127.0.0.1:" + instancePort.getAsInt() + ")");
        }
        if (!isOrgId(tenantId)) {
            return PubSubErrors.unauthenticated("tenantid '" + tenantId + "' is not this org's id (" + orgId + ")");
        }
        return null;
    }

    private boolean isInstanceUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url.trim());
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && ("127.0.0.1".equals(uri.getHost()) || "localhost".equalsIgnoreCase(uri.getHost()))
                    && uri.getPort() == instancePort.getAsInt() && (path.isEmpty() || path.equals("/"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private boolean isOrgId(String id) {
        return id != null && (id.equals(orgId) || id.equals(orgId.substring(0, 15)));
    }
}
