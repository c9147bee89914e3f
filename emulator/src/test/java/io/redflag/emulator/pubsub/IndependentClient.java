package io.redflag.emulator.pubsub;

import com.google.protobuf.ByteString;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import io.redflag.pubsub.v1.ConsumerEvent;
import io.redflag.pubsub.v1.FetchRequest;
import io.redflag.pubsub.v1.FetchResponse;
import io.redflag.pubsub.v1.PubSubGrpc;
import io.redflag.pubsub.v1.ReplayPreset;
import io.redflag.pubsub.v1.SchemaRequest;
import io.redflag.pubsub.v1.TopicInfo;
import io.redflag.pubsub.v1.TopicRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * A Pub/Sub API client written the way Salesforce's own examples are, with nothing of Redflag's: the
 * generated stubs over TLS (trusting the server's certificate), the three metadata headers on every call as
 * call credentials ({@code instanceurl} the https instance URL, {@code tenantid} taken from the access token's
 * prefix before '!'), schemas fetched with GetSchema and payloads decoded with Avro's GenericDatumReader.
 */
final class IndependentClient implements AutoCloseable {
    private final ManagedChannel channel;
    private final PubSubGrpc.PubSubBlockingStub blocking;
    private final PubSubGrpc.PubSubStub async;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    IndependentClient(int port, String certificatePem, String accessToken, String instanceUrl) {
        this(port, certificatePem, accessToken, instanceUrl, accessToken.substring(0, accessToken.indexOf('!')));
    }

    IndependentClient(int port, String certificatePem, String accessToken, String instanceUrl, String tenantId) {
        try {
            TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder()
                    .trustManager(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
            this.channel = Grpc.newChannelBuilderForAddress("127.0.0.1", port, tls.build()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CallCredentials credentials = new SessionCredentials(accessToken, instanceUrl, tenantId);
        this.blocking = PubSubGrpc.newBlockingStub(channel).withCallCredentials(credentials);
        this.async = PubSubGrpc.newStub(channel).withCallCredentials(credentials);
    }

    /** The metadata Salesforce asks for on every call. */
    private static final class SessionCredentials extends CallCredentials {
        private final Metadata metadata = new Metadata();

        SessionCredentials(String accessToken, String instanceUrl, String tenantId) {
            metadata.put(Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER), accessToken);
            metadata.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), instanceUrl);
            metadata.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), tenantId);
        }

        @Override
        public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
            applier.apply(metadata);
        }
    }

    TopicInfo topic(String name) {
        return blocking.getTopic(TopicRequest.newBuilder().setTopicName(name).build());
    }

    Schema schema(String schemaId) {
        return schemas.computeIfAbsent(schemaId, id -> new Schema.Parser().parse(
                blocking.getSchema(SchemaRequest.newBuilder().setSchemaId(id).build()).getSchemaJson()));
    }

    /** The event's payload, decoded with the schema its schema id names. */
    GenericRecord decode(ConsumerEvent event) {
        Schema schema = schema(event.getEvent().getSchemaId());
        try {
            return new GenericDatumReader<GenericRecord>(schema).read(null,
                    DecoderFactory.get().binaryDecoder(event.getEvent().getPayload().toByteArray(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a Subscribe stream; the first FetchRequest names the topic, the start and the first batch. */
    Stream subscribe(String topic, ReplayPreset preset, ByteString replayId, int numRequested) {
        Stream stream = new Stream();
        stream.requests = async.subscribe(stream);
        FetchRequest.Builder first = FetchRequest.newBuilder().setTopicName(topic).setReplayPreset(preset)
                .setNumRequested(numRequested);
        if (replayId != null) {
            first.setReplayId(replayId);
        }
        stream.requests.onNext(first.build());
        return stream;
    }

    Stream subscribe(String topic, ReplayPreset preset, int numRequested) {
        return subscribe(topic, preset, null, numRequested);
    }

    /** One Subscribe stream: what the server sent, in order, and how it ended. */
    static final class Stream implements StreamObserver<FetchResponse> {
        private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private StreamObserver<FetchRequest> requests;

        /** Asks for more events, as a client does once it has processed a batch. */
        void request(int n) {
            requests.onNext(FetchRequest.newBuilder().setNumRequested(n).build());
        }

        /** The next response; fails on a stream error or when none comes in time. */
        FetchResponse next(Duration timeout) {
            Object o = poll(timeout);
            if (o instanceof FetchResponse r) {
                return r;
            }
            throw new AssertionError("expected a FetchResponse, got " + o, o instanceof Throwable t ? t : null);
        }

        /** The error the stream ends with within the timeout (responses before it skipped); fails otherwise. */
        StatusRuntimeException error(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Object o = poll(timeout);
            while (o instanceof FetchResponse && System.nanoTime() < deadline) {
                o = poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            if (o instanceof StatusRuntimeException e) {
                return e;
            }
            throw new AssertionError("expected the stream to end with an error, got " + o);
        }

        void cancel() {
            requests.onError(new IllegalStateException("client done"));
        }

        private Object poll(Duration timeout) {
            try {
                Object o = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return o == null ? "nothing within " + timeout : o;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onNext(FetchResponse value) {
            received.add(value);
        }

        @Override
        public void onError(Throwable t) {
            received.add(t instanceof StatusRuntimeException e ? e : new IllegalStateException(t));
        }

        @Override
        public void onCompleted() {
            received.add("completed");
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
