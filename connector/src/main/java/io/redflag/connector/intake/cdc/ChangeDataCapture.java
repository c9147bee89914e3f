package io.redflag.connector.intake.cdc;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.redflag.connector.intake.IntakeStore;
import io.redflag.connector.mapping.RecordMapper;
import io.redflag.connector.session.SalesforceSession;
import io.redflag.pubsub.v1.PubSubGrpc;
import io.redflag.pubsub.v1.SchemaRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Change Data Capture source: one Subscribe stream per configured channel over one TLS connection to the
 * Pub/Sub API, each storing its batches through {@link ChangeEventIntake}. A clean lifecycle, so that only the
 * replica that runs intake runs it: {@link #start()} opens the streams, {@link #stop()} ends them after the batch
 * being stored and closes the connection; it can be started again.
 */
public final class ChangeDataCapture implements AutoCloseable {

    /** One channel's stream now. */
    public record TopicState(String topic, List<String> entities, boolean up, long stored, long reconnects,
            String lastError) {
    }

    private final CdcSettings settings;
    private final SalesforceSession session;
    private final ChangeEventIntake intake;
    private final IntakeStore store;
    private final ReplayStore replay;
    private final ChangeStreamListener listener;
    private final List<String> covered;
    private ManagedChannel channel;
    private ChangeEventDecoder decoder;
    private final List<TopicSubscription> subscriptions = new ArrayList<>();

    public ChangeDataCapture(CdcSettings settings, SalesforceSession session, ChangeEventIntake intake,
            IntakeStore store, ReplayStore replay, ChangeStreamListener listener) {
        this.settings = settings;
        this.session = session;
        this.intake = intake;
        this.store = store;
        this.replay = replay;
        this.listener = listener;
        Set<String> entities = new LinkedHashSet<>();
        settings.topics().forEach(t -> entities.addAll(entitiesOf(t)));
        this.covered = List.copyOf(entities);
    }

    /**
     * The mapped entities a channel carries.
     *
     * @throws IllegalArgumentException naming an object the mapping does not read
     */
    private List<String> entitiesOf(String topic) {
        RecordMapper mapper = intake.mapper();
        List<String> out = new ArrayList<>();
        for (String object : settings.objectsOf(topic)) {
            out.add(mapper.entityOf(object).orElseThrow(() -> new IllegalArgumentException("redflag.cdc: the channel "
                    + topic + " carries " + object + ", an object the mapping does not read; the mapped objects are "
                    + mapper.entities().stream().map(mapper::object).toList())));
        }
        return out;
    }

    /** The entities the streams carry: polls only reconcile them while their stream is up. */
    public List<String> coveredEntities() {
        return covered;
    }

    public synchronized boolean running() {
        return channel != null;
    }

    public synchronized void start() {
        if (channel != null) {
            return;
        }
        channel = Grpc.newChannelBuilderForAddress(settings.host(), settings.port(), credentials())
                .keepAliveTime(settings.keepalive().toMillis(), TimeUnit.MILLISECONDS)
                .keepAliveWithoutCalls(false)
                .build();
        SessionCredentials auth = new SessionCredentials(session);
        PubSubGrpc.PubSubBlockingStub blocking = PubSubGrpc.newBlockingStub(channel).withCallCredentials(auth);
        decoder = new ChangeEventDecoder(id -> blocking.withDeadlineAfter(30, TimeUnit.SECONDS)
                .getSchema(SchemaRequest.newBuilder().setSchemaId(id).build()).getSchemaJson());
        PubSubGrpc.PubSubStub async = PubSubGrpc.newStub(channel);
        for (String topic : settings.topics()) {
            TopicSubscription s = new TopicSubscription(topic, entitiesOf(topic), async,
                    PubSubGrpc.newBlockingStub(channel), auth, decoder, intake, store, replay, listener, settings);
            subscriptions.add(s);
            s.start();
        }
    }

    /** Ends every stream at a safe point (after the batch being stored) and closes the connection. */
    public synchronized void stop() {
        if (channel == null) {
            return;
        }
        subscriptions.forEach(TopicSubscription::stop);
        subscriptions.clear();
        channel.shutdownNow();
        try {
            channel.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized List<TopicState> state() {
        return subscriptions.stream().map(s -> new TopicState(s.topic(), s.entities(), s.up(), s.stored(),
                s.reconnects(), s.lastError())).toList();
    }

    /** Schemas fetched through GetSchema since the start (each id once). */
    public synchronized long schemasFetched() {
        return decoder == null ? 0 : decoder.schemasFetched();
    }

    private ChannelCredentials credentials() {
        if (settings.trustPem() == null) {
            return TlsChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder()
                    .trustManager(new ByteArrayInputStream(settings.trustPem().getBytes(StandardCharsets.US_ASCII)))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("redflag.cdc.trust-pem is not a PEM certificate", e);
        }
    }
}
