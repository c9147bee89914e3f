package io.redflag.emulator.pubsub;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.redflag.emulator.EmulatedTime;
import io.redflag.emulator.PubSubSettings;
import io.redflag.emulator.oauth.Sessions;
import io.redflag.emulator.store.Commit;
import io.redflag.emulator.store.OrgStore;
import io.redflag.emulator.store.SRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The org's Pub/Sub API with Change Data Capture: a TLS gRPC server (eventbus.v1.PubSub) on 127.0.0.1, the
 * change events of every committed write, and the faults a subscriber must survive. {@code emulator.pubSub()}
 * gives the running org's.
 */
public final class PubSub implements AutoCloseable {
    private final OrgStore store;
    private final Sessions sessions;
    private final EmulatedTime time;
    private final EventSchemas schemas;
    private final EventBus bus;
    private final ChangeCapture capture;
    private final Consumer<Commit> listener;
    private final Channels channels;
    private final Streams streams;
    private final SelfSignedCertificate certificate;
    private final Server server;

    /** What happened on the bus and its streams since the start. */
    public record Stats(long published, int retained, long latestReplayId, long earliestReplayId, int liveStreams,
            long streamsOpened, long eventsDelivered, long keepalivesSent) {
    }

    /**
     * Starts serving. Objects of custom channels are checked against the org's schema first (an unknown one
     * is an {@link IllegalArgumentException} naming it); a port in use is an {@link UncheckedIOException}.
     *
     * @param instancePort the port of the org's instance URL, which clients send as {@code instanceurl}
     */
    public static PubSub start(OrgStore store, Sessions sessions, Clock clock, String orgId, IntSupplier instancePort,
            PubSubSettings settings) {
        return new PubSub(store, sessions, clock, orgId, instancePort, settings);
    }

    private PubSub(OrgStore store, Sessions sessions, Clock clock, String orgId, IntSupplier instancePort,
            PubSubSettings settings) {
        this.store = store;
        this.sessions = sessions;
        this.time = new EmulatedTime(clock, settings.timeScale());
        this.schemas = new EventSchemas(store.schema());
        this.channels = new Channels(schemas.entities(), settings.channels());
        this.bus = new EventBus(time);
        this.capture = new ChangeCapture(schemas, bus);
        this.listener = capture::committed;
        PubSubAuth auth = new PubSubAuth(sessions, orgId, instancePort);
        this.streams = new Streams(bus, channels, auth, time, settings.keepalive());
        this.certificate = SelfSignedCertificate.generate();
        try {
            if (settings.certificateOut() != null) {
                Files.writeString(settings.certificateOut(), certificate.certificatePem(), StandardCharsets.UTF_8);
            }
            this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", settings.port()),
                            TlsServerCredentials.create(stream(certificate.certificatePem()),
                                    stream(certificate.privateKeyPem())))
                    .addService(ServerInterceptors.intercept(new PubSubService(streams, schemas, orgId), auth))
                    // Clients that ping to keep idle connections open are not turned away.
                    .permitKeepAliveTime(10, TimeUnit.SECONDS).permitKeepAliveWithoutCalls(true)
                    .build().start();
        } catch (IOException e) {
            streams.close();
            throw new UncheckedIOException("the Pub/Sub API cannot start on port " + settings.port() + " (--pubsub-port)"
                    + (settings.certificateOut() == null ? "" : " or write " + settings.certificateOut()
                    + " (--pubsub-cert-out)") + ": " + e.getMessage(), e);
        }
        store.addCommitListener(listener);
    }

    public int port() {
        return server.getPort();
    }

    /** The server's certificate (PEM), made at this start: what a client trusts. */
    public String certificatePem() {
        return certificate.certificatePem();
    }

    /** The topics one can subscribe to: /data/ChangeEvents, one per object, then the custom channels. */
    public List<String> topics() {
        return channels.topics();
    }

    /** The schema id of an object's change events. */
    public String schemaId(String entity) {
        EventSchema s = schemas.forEntity(entity);
        if (s == null) {
            throw new IllegalArgumentException("'" + entity + "' is not an object with change events");
        }
        return s.id();
    }

    public Stats stats() {
        return new Stats(bus.publishedCount(), bus.retained(), bus.latest(), bus.earliest(), streams.liveCount(),
                streams.openedCount(), streams.deliveredCount(), streams.keepaliveCount());
    }

    // ---------------------------------------------------------------- faults

    /** Ends every live Subscribe stream with UNAVAILABLE, as a server restart or network reset does. */
    public int resetStreams() {
        return streams.endAll(() -> PubSubErrors.error(Status.UNAVAILABLE, "the stream was reset", null));
    }

    /**
     * Publishes gap events for these records: {@code changeType} GAP_CREATE, GAP_UPDATE, GAP_DELETE or
     * GAP_UNDELETE, one event per object listing its record ids, no field values.
     */
    public void gap(String changeType, List<String> recordIds) {
        List<SRecord> records = new ArrayList<>();
        for (String id : recordIds) {
            SRecord r = store.get(id);
            if (r == null) {
                throw new IllegalArgumentException("no record has the id '" + id + "'");
            }
            records.add(r);
        }
        capture.gap(changeType, records);
    }

    /** Publishes a GAP_OVERFLOW event for an object, as after a transaction of more than 100,000 changes. */
    public void overflow(String entity) {
        capture.overflow(entity);
    }

    /** The changes a transaction may make before the rest becomes GAP_OVERFLOW events (default 100,000). */
    public void overflowThreshold(int changes) {
        capture.overflowThreshold(changes);
    }

    /** Purges every event published so far, as 72 hours passing would; returns how many. */
    public int expireRetention() {
        return bus.purgeBefore(time.now().plusNanos(1));
    }

    /** Ends every session of the org and every stream on one with UNAUTHENTICATED. */
    public void expireSessions() {
        sessions.revokeAll();
        streams.checkSessions();
    }

    /** The keepalive interval (emulated time) from now on. */
    public void keepalive(Duration interval) {
        streams.keepalive(interval);
    }

    /** The event bus's emulated time runs {@code scale} times faster from now on. */
    public void timeScale(double scale) {
        time.scale(scale);
    }

    /** Everything at once, for the control API. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("port", port());
        out.put("topics", topics());
        out.put("timeScale", time.scale());
        out.put("now", time.now().toString());
        out.put("keepaliveMillis", streams.keepalive().toMillis());
        out.put("overflowThreshold", capture.overflowThreshold());
        out.put("retentionHours", EventBus.RETENTION.toHours());
        out.put("stats", stats());
        return out;
    }

    /** Stops the server (streams end with UNAVAILABLE) and stops capturing changes. */
    @Override
    public void close() {
        store.removeCommitListener(listener);
        server.shutdownNow();
        streams.close();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ByteArrayInputStream stream(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8));
    }
}
