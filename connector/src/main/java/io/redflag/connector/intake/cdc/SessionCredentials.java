package io.redflag.connector.intake.cdc;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import io.redflag.connector.session.SalesforceSession;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Pub/Sub API's authentication on every call, from the OAuth session: {@code accesstoken},
 * {@code instanceurl} and {@code tenantid}. Remembers the token it last sent, so that a refusal drops exactly
 * that session ({@link #renew()}).
 */
final class SessionCredentials extends CallCredentials {
    private static final Metadata.Key<String> ACCESS_TOKEN = key("accesstoken");
    private static final Metadata.Key<String> INSTANCE_URL = key("instanceurl");
    private static final Metadata.Key<String> TENANT_ID = key("tenantid");

    private final SalesforceSession session;
    private final AtomicReference<String> lastToken = new AtomicReference<>();

    SessionCredentials(SalesforceSession session) {
        this.session = session;
    }

    @Override
    public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        // Opening a session is an HTTP request: not on the transport's thread.
        executor.execute(() -> {
            try {
                SalesforceSession.PubSubAuth auth = session.pubSubAuth();
                Metadata headers = new Metadata();
                headers.put(ACCESS_TOKEN, auth.accessToken());
                headers.put(INSTANCE_URL, auth.instanceUrl());
                if (auth.tenantId() != null) {
                    headers.put(TENANT_ID, auth.tenantId());
                }
                lastToken.set(auth.accessToken());
                applier.apply(headers);
            } catch (RuntimeException e) {
                applier.fail(Status.UNAUTHENTICATED.withDescription("no Salesforce session: " + e.getMessage())
                        .withCause(e));
            }
        });
    }

    /** The Pub/Sub API refused the session: the next call opens a new one. */
    void renew() {
        String token = lastToken.get();
        if (token != null) {
            session.renew(token);
        }
    }

    private static Metadata.Key<String> key(String name) {
        return Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
    }
}
