package io.redflag.connector.session;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One org's API session. {@link #call} runs an operation on a fresh {@link PartnerConnection} (WSC keeps
 * mutable header state per connection, so connections are not shared between threads); when Salesforce
 * answers INVALID_SESSION_ID it gets a new token and retries once. WSC's own SessionRenewer is not used:
 * it misses common fault strings.
 */
public final class SalesforceSession {
    private static final Logger log = LoggerFactory.getLogger(SalesforceSession.class);

    /** An operation against the Partner API. */
    @FunctionalInterface
    public interface CrmCall<T> {
        T run(PartnerConnection connection) throws ConnectionException;
    }

    /** API usage as the last answer's LimitInfoHeader reported it. */
    public record ApiUsage(long current, long limit) {
        public double share() {
            return limit == 0 ? 0 : (double) current / limit;
        }
    }

    /**
     * The client name every Partner API call carries in its CallOptions header: Salesforce puts it in the
     * changeOrigin of the change events the call causes ({@code com/salesforce/api/soap/65.0;client=Redflag}),
     * which is how the change stream recognises Redflag's own writes.
     */
    public static final String CLIENT = "Redflag";

    /**
     * What the Pub/Sub API asks on every call: the access token, the org's instance URL (https) and the org id
     * (tenant). {@link #toString()} hides the token.
     */
    public record PubSubAuth(String accessToken, String instanceUrl, String tenantId) {
        @Override
        public String toString() {
            return "PubSubAuth[instanceUrl=" + instanceUrl + ", tenantId=" + tenantId + "]";
        }
    }

    private final SalesforceCredentials credentials;
    private final TokenClient tokens;
    private final AtomicReference<SalesforceToken> token = new AtomicReference<>();
    private final AtomicReference<ApiUsage> usage = new AtomicReference<>();
    private final AtomicReference<LastContact> lastContact = new AtomicReference<>(new LastContact(null, null, null,
            false));
    private final Clock clock;

    public SalesforceSession(SalesforceCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
        this.tokens = new TokenClient(credentials, clock);
    }

    /**
     * The outcome of the latest call: when the org last answered, and the latest failure to reach it (an
     * answer, even a fault, means it is up). What health reports without spending a call of its own.
     */
    public record LastContact(Instant answeredAt, Instant failedAt, String failure, boolean latestFailed) {
    }

    /** Runs the operation; on an expired or revoked session, re-authenticates and runs it once more. */
    public <T> T call(CrmCall<T> operation) throws ConnectionException {
        try {
            T result = callOnce(operation);
            answered();
            return result;
        } catch (ApiFault fault) {
            answered();
            throw fault;
        } catch (ConnectionException | RuntimeException e) {
            lastContact.set(new LastContact(lastContact.get().answeredAt(), clock.instant(),
                    e.getClass().getSimpleName() + ": " + e.getMessage(), true));
            throw e;
        }
    }

    private void answered() {
        LastContact before = lastContact.get();
        lastContact.set(new LastContact(clock.instant(), before.failedAt(), before.failure(), false));
    }

    /** When the org last answered and last failed to (nulls before the first). */
    public LastContact lastContact() {
        return lastContact.get();
    }

    private <T> T callOnce(CrmCall<T> operation) throws ConnectionException {
        SalesforceToken current = currentToken();
        try {
            return runWith(current, operation);
        } catch (ApiFault fault) {
            if (fault.getExceptionCode() != ExceptionCode.INVALID_SESSION_ID) {
                throw fault;
            }
            log.info("Salesforce session at {} expired; re-authenticating once", current.instanceUrl());
            token.compareAndSet(current, null);
            return runWith(currentToken(), operation);
        }
    }

    /** API usage from the most recent answer, or null before the first call. */
    public ApiUsage apiUsage() {
        return usage.get();
    }

    /**
     * The id of the org the session belongs to, as the token answer's identity URL names it (opening a session
     * if none is open), or null when the answer had no identity URL.
     */
    public String orgId() {
        return currentToken().orgId();
    }

    /**
     * The id of the user the session acts as (the integration user: the connected app's run-as user or the
     * JWT subject), as the token answer's identity URL names it (opening a session if none is open). Redflag's
     * own follow-up tasks are the ones this user created.
     *
     * @throws IllegalStateException when the token answer had no identity URL (Salesforce always sends one)
     */
    public String userId() {
        String id = currentToken().userId();
        if (id == null) {
            throw new IllegalStateException("the token answer from " + credentials.loginUrl() + " names no identity"
                    + " URL (id): Redflag cannot tell which tasks its integration user created");
        }
        return id;
    }

    /**
     * The current session as the Pub/Sub API takes it (opening one if none is open). The instance URL is sent
     * as https, as Salesforce serves every instance; the tenant is the org id of the identity URL, else the
     * token's prefix before '!' (Salesforce's tokens start with the 15-character org id).
     */
    public PubSubAuth pubSubAuth() {
        SalesforceToken t = currentToken();
        URI instance = t.instanceUrl();
        String https = "https://" + instance.getAuthority();
        String tenant = t.orgId();
        if (tenant == null) {
            int bang = t.accessToken().indexOf('!');
            tenant = bang > 0 ? t.accessToken().substring(0, bang) : null;
        }
        return new PubSubAuth(t.accessToken(), https, tenant);
    }

    /**
     * The Pub/Sub API refused {@code accessToken} as unauthenticated: the session it belongs to is dropped, so
     * the next call opens a new one. A session renewed by another caller meanwhile is kept.
     */
    public void renew(String accessToken) {
        SalesforceToken t = token.get();
        if (t != null && t.accessToken().equals(accessToken)) {
            log.info("Salesforce session at {} refused by the Pub/Sub API; re-authenticating", t.instanceUrl());
            token.compareAndSet(t, null);
        }
    }

    /** The Partner SOAP endpoint of the current session. */
    public String serviceEndpoint() {
        return currentToken().instanceUrl() + "/services/Soap/u/" + credentials.apiVersion();
    }

    private <T> T runWith(SalesforceToken t, CrmCall<T> operation) throws ConnectionException {
        PartnerConnection connection = connect(t);
        try {
            return operation.run(connection);
        } finally {
            record(connection);
        }
    }

    private PartnerConnection connect(SalesforceToken t) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setSessionId(t.accessToken());
        config.setServiceEndpoint(t.instanceUrl() + "/services/Soap/u/" + credentials.apiVersion());
        config.setConnectionTimeout((int) credentials.connectTimeout().toMillis());
        config.setReadTimeout((int) credentials.readTimeout().toMillis());
        PartnerConnection connection = Connector.newConnection(config);
        connection.setCallOptions(CLIENT, null);
        return connection;
    }

    private void record(PartnerConnection connection) {
        var header = connection.getLimitInfoHeader();
        if (header == null) {
            return;
        }
        for (LimitInfo info : header.getLimitInfo()) {
            if ("API REQUESTS".equals(info.getType())) {
                usage.set(new ApiUsage(info.getCurrent(), info.getLimit()));
            }
        }
    }

    private SalesforceToken currentToken() {
        SalesforceToken t = token.get();
        if (t == null) {
            synchronized (this) {
                t = token.get();
                if (t == null) {
                    t = tokens.requestToken();
                    log.info("Opened a Salesforce session at {} for client {}", t.instanceUrl(),
                            credentials.clientId());
                    token.set(t);
                }
            }
        }
        return t;
    }

    @Override
    public String toString() {
        return "SalesforceSession[" + credentials + "]";
    }
}
