package io.redflag.connector.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BooleanSupplier;

/**
 * Where the sync stands, for health, metrics and the operator: per object its watermark, the progress of a
 * first full read, and the last error; for the flow whether it is paused and how the last cycle ended.
 * Written by the one sync thread, read by any.
 */
public final class SyncState {
    /**
     * One object's sync.
     *
     * @param watermark the SystemModstamp the store has reached, or null before the first page
     * @param done      records read in the current (or last) full read
     * @param total     records the full read expects (COUNT()), or -1 when no full read ran
     * @param lastError the last failure's message, or null when the last sync of the object succeeded
     */
    public record ObjectState(String object, Instant watermark, Instant lastSuccessAt, long done, long total,
            String lastError, Instant lastErrorAt) {

        /** 0..1 for a full read; 1 when none is running. */
        public double progress() {
            return total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
        }
    }

    private final Clock clock;
    private final ConcurrentMap<String, ObjectState> objects = new ConcurrentHashMap<>();
    private volatile boolean paused;
    private volatile BooleanSupplier mayGoOn = () -> true;
    private volatile Instant lastCycleAt;
    private volatile String lastCycleError;
    private volatile long cycles;

    public SyncState(Clock clock) {
        this.clock = clock;
    }

    public void progress(String object, long done, long total) {
        objects.compute(object, (k, s) -> s == null ? new ObjectState(object, null, null, done, total, null, null)
                : new ObjectState(object, s.watermark(), s.lastSuccessAt(), done, total, s.lastError(),
                        s.lastErrorAt()));
    }

    public void succeeded(String object, Instant watermark) {
        objects.compute(object, (k, s) -> new ObjectState(object, watermark, clock.instant(),
                s == null ? 0 : s.done(), s == null ? -1 : s.total(), null, null));
    }

    public void failed(String object, String error) {
        objects.compute(object, (k, s) -> s == null ? new ObjectState(object, null, null, 0, -1, error, clock.instant())
                : new ObjectState(object, s.watermark(), s.lastSuccessAt(), s.done(), s.total(), error,
                        clock.instant()));
    }

    public void cycleEnded(String error) {
        lastCycleAt = clock.instant();
        lastCycleError = error;
        cycles++;
    }

    public void paused(boolean value) {
        paused = value;
    }

    public boolean paused() {
        return paused;
    }

    /**
     * A further condition reads go on under, asked at the same safe points as a pause (between pages, between
     * objects): in a service of several replicas, that this one still leads.
     */
    public void mayGoOn(BooleanSupplier condition) {
        mayGoOn = condition;
    }

    /** Whether reads stop at the next safe point: paused, or the further condition says no. */
    public boolean halted() {
        return paused || !mayGoOn.getAsBoolean();
    }

    public Instant lastCycleAt() {
        return lastCycleAt;
    }

    /** The first failure of the last cycle, or null when every object synced. */
    public String lastCycleError() {
        return lastCycleError;
    }

    public long cycles() {
        return cycles;
    }

    /** By object name, sorted. */
    public Map<String, ObjectState> objects() {
        return new TreeMap<>(objects);
    }

    /**
     * How stale the store's picture of an object may be: the time since a read of it last reached the end
     * (the watermark trails the reads by the overlap, or by the last change); null before the first.
     */
    public Duration lag(String object) {
        ObjectState s = objects.get(object);
        return s == null || s.lastSuccessAt() == null ? null : Duration.between(s.lastSuccessAt(), clock.instant());
    }
}
