package io.redflag.emulator.pubsub;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.redflag.pubsub.v1.ConsumerEvent;
import io.redflag.pubsub.v1.FetchRequest;
import io.redflag.pubsub.v1.FetchResponse;
import io.redflag.pubsub.v1.ReplayPreset;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;

/**
 * One Subscribe stream. The first FetchRequest names the topic and where to start (LATEST, EARLIEST, or
 * CUSTOM after a replay id); every FetchRequest adds its num_requested (at most 100 each) to the events
 * outstanding, and the server never sends more than are outstanding. With nothing to send for the keepalive
 * interval it sends an empty FetchResponse with the latest replay id. The session is checked on each request
 * and each keepalive: once it has expired the stream ends with UNAUTHENTICATED.
 */
final class Subscription implements StreamObserver<FetchRequest> {
    static final int MAX_REQUESTED = 100;

    private final Streams streams;
    private final ServerCallStreamObserver<FetchResponse> out;
    private final String token;
    private final String rpcId = UUID.randomUUID().toString();
    private String topic;
    private Set<String> entities;
    private long position;
    private long pending;
    private boolean closed;
    private long lastSentNanos = System.nanoTime();
    private ScheduledFuture<?> keepalive;

    Subscription(Streams streams, ServerCallStreamObserver<FetchResponse> out, String token) {
        this.streams = streams;
        this.out = out;
        this.token = token;
        out.setOnReadyHandler(() -> streams.later(this::deliver));
        out.setOnCancelHandler(this::cancelled);
    }

    /** An 8-byte big-endian replay id, as Salesforce sends them. */
    static ByteString replayId(long id) {
        return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
    }

    @Override
    public synchronized void onNext(FetchRequest request) {
        if (closed) {
            return;
        }
        if (!streams.live(token)) {
            end(PubSubErrors.unauthenticated("the session has expired"));
            return;
        }
        if (topic == null) {
            StatusRuntimeException refused = start(request);
            if (refused != null) {
                end(refused);
                return;
            }
        } else if (!request.getTopicName().isEmpty() && !request.getTopicName().equals(topic)) {
            end(PubSubErrors.invalidArgument("topic_name " + request.getTopicName() + " differs from the stream's "
                    + topic + "; subscribe again to change topics"));
            return;
        }
        pending += Math.max(0, Math.min(MAX_REQUESTED, request.getNumRequested()));
        deliver();
    }

    @Override
    public synchronized void onError(Throwable t) {
        stop();
    }

    @Override
    public synchronized void onCompleted() {
        if (!closed) {
            stop();
            out.onCompleted();
        }
    }

    /** Sends what is outstanding and available, in batches, as far as the client's flow control allows. */
    synchronized void deliver() {
        while (!closed && topic != null && pending > 0 && out.isReady()) {
            EventBus.Batch batch = streams.bus().after(position, (int) Math.min(pending, MAX_REQUESTED),
                    entities::contains);
            position = batch.through();
            if (batch.events().isEmpty()) {
                return;
            }
            FetchResponse.Builder response = FetchResponse.newBuilder();
            for (EventBus.Stored s : batch.events()) {
                response.addEvents(ConsumerEvent.newBuilder().setEvent(s.event()).setReplayId(replayId(s.replayId())));
            }
            pending -= batch.events().size();
            send(response);
            streams.delivered(batch.events().size());
        }
    }

    /** Ends the stream with this error (a fault, an expired session, a refused request). */
    synchronized void end(StatusRuntimeException error) {
        if (!closed) {
            stop();
            out.onError(error);
        }
    }

    /** Ends the stream if its session has expired since the last check. */
    synchronized void checkSession() {
        if (!closed && !streams.live(token)) {
            end(PubSubErrors.unauthenticated("the session has expired"));
        }
    }

    private synchronized void keepaliveTick() {
        if (closed) {
            return;
        }
        checkSession();
        if (!closed && System.nanoTime() - lastSentNanos >= streams.keepaliveNanos()) {
            // Past events of other objects, never past one this stream still has to deliver.
            position = streams.bus().after(position, 0, entities::contains).through();
            send(FetchResponse.newBuilder());
            streams.keptAlive();
        }
    }

    private StatusRuntimeException start(FetchRequest request) {
        Set<String> wanted = streams.channels().entities(request.getTopicName());
        if (request.getTopicName().isEmpty() || wanted == null) {
            return request.getTopicName().isEmpty()
                    ? PubSubErrors.invalidArgument("the first FetchRequest must name a topic (topic_name)")
                    : PubSubErrors.notFound("topic " + request.getTopicName() + " does not exist (change event"
                            + " channels: " + String.join(", ", streams.channels().topics()) + ")");
        }
        if (request.getReplayPreset() == ReplayPreset.CUSTOM) {
            ByteString id = request.getReplayId();
            if (id.size() != 8 || !streams.bus().resumable(id.asReadOnlyByteBuffer().getLong())) {
                return PubSubErrors.invalidReplayId("The Replay ID validation failed: the replay id is not one of"
                        + " this stream's retained events (it is malformed, unknown, or older than the 72-hour"
                        + " retention window). Subscribe with LATEST or EARLIEST.");
            }
            position = id.asReadOnlyByteBuffer().getLong();
        } else {
            position = request.getReplayPreset() == ReplayPreset.EARLIEST ? streams.bus().earliest()
                    : streams.bus().latest();
        }
        topic = request.getTopicName();
        entities = wanted;
        long period = Math.max(streams.keepaliveNanos() / 4, 5_000_000L);
        keepalive = streams.every(period, this::keepaliveTick);
        return null;
    }

    private void send(FetchResponse.Builder response) {
        out.onNext(response.setLatestReplayId(replayId(position)).setRpcId(rpcId)
                .setPendingNumRequested((int) Math.min(Integer.MAX_VALUE, pending)).build());
        lastSentNanos = System.nanoTime();
    }

    private synchronized void cancelled() {
        stop();
    }

    private void stop() {
        closed = true;
        if (keepalive != null) {
            keepalive.cancel(false);
        }
        streams.closed(this);
    }
}
