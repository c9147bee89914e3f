package io.redflag.connector.intake.cdc;

import io.redflag.connector.intake.IntakePage;
import io.redflag.connector.intake.IntakeStore;
import io.redflag.connector.intake.Position;
import io.redflag.pubsub.v1.ConsumerEvent;
import io.redflag.pubsub.v1.FetchResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's FetchResponses taken in: events decoded (one that cannot be is logged with its id and replay id
 * and left out, the rest go on) and stored with the replay id of the last; a keepalive's replay id stored alone.
 */
final class Batches {
    private static final Logger log = LoggerFactory.getLogger(Batches.class);

    private final String topic;
    private final ChangeEventDecoder decoder;
    private final ChangeEventIntake intake;
    private final IntakeStore store;

    Batches(String topic, ChangeEventDecoder decoder, ChangeEventIntake intake, IntakeStore store) {
        this.topic = topic;
        this.decoder = decoder;
        this.intake = intake;
        this.store = store;
    }

    /** Decodes and stores the response's events with the replay id of the last; returns how many there were. */
    int take(FetchResponse response) {
        List<ChangeEvent> events = new ArrayList<>(response.getEventsCount());
        byte[] last = null;
        for (ConsumerEvent e : response.getEventsList()) {
            last = e.getReplayId().toByteArray();
            try {
                events.add(decoder.decode(e.getEvent().getSchemaId(), e.getEvent().getPayload().toByteArray()));
            } catch (MalformedEventException ex) {
                log.warn("Change stream {}: event {} (replay id {}) left out: {}", topic, e.getEvent().getId(),
                        HexFormat.of().formatHex(last), ex.getMessage());
            }
        }
        ChangeEventIntake.Applied applied = intake.apply(events, new Position.Replay(topic, last));
        log.debug("Change stream {}: {}", topic, applied);
        return response.getEventsCount();
    }

    /**
     * A keepalive (no events): sent while the server owed this stream events (pending_num_requested above zero),
     * nothing of the channel lies before its replay id unsent, so a restart may start there, and a quiet
     * channel's stored replay id never ages out of retention. One sent while nothing was asked for may be past
     * events the server held back: not stored.
     */
    void keepalive(FetchResponse response) {
        if (response.getLatestReplayId().isEmpty() || response.getPendingNumRequested() <= 0) {
            return;
        }
        store.store(new IntakePage(intake.mapper().entities().get(0), List.of(), List.of(),
                new Position.Replay(topic, response.getLatestReplayId().toByteArray()), IntakePage.Read.CHANGES));
    }
}
