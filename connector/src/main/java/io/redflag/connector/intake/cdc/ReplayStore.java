package io.redflag.connector.intake.cdc;

import io.redflag.connector.mapping.MappedRecord;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the change stream needs of the store besides {@link io.redflag.connector.intake.IntakeStore}: the replay
 * id last stored for a channel, and the stored version of records an update event changes a few fields of.
 */
public interface ReplayStore {

    /** The replay id stored with the last batch of the channel, or empty before the first (or after a reset). */
    Optional<byte[]> replayId(String topic);

    /** Forgets a channel's replay id: it was refused (outside retention), so the next subscription starts anew. */
    void forgetReplayId(String topic);

    /** The stored, live versions of these records of an entity, by id; ids not stored (or deleted) are absent. */
    Map<String, MappedRecord> stored(String entity, Collection<String> ids);
}
