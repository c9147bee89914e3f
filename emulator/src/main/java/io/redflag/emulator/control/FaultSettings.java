package io.redflag.emulator.control;

import java.util.SplittableRandom;

/**
 * Faults switched on and off at run time, for tests and benchmarks. Shares are between 0 and 1 and are
 * drawn from a seeded generator, so the same seed and the same sequence of calls give the same faults.
 *
 * @param latencyMillis            added to every API call
 * @param unavailableShare         calls answered HTTP 503 with an HTML maintenance page
 * @param htmlErrorShare           calls answered HTTP 500 with an HTML error page (a proxy in the way)
 * @param sessionExpiresAfterCalls a session ends after this many calls (0 = never)
 * @param lockErrorShare           records in a write that fail with UNABLE_TO_LOCK_ROW
 * @param seed                     seed of the generator that draws the shares
 */
public record FaultSettings(long latencyMillis, double unavailableShare, double htmlErrorShare,
        long sessionExpiresAfterCalls, double lockErrorShare, long seed) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0, 0, 42);

    public FaultSettings {
        check("latencyMillis", latencyMillis >= 0 && latencyMillis <= 120_000, latencyMillis, "0 to 120000");
        check("unavailableShare", unavailableShare >= 0 && unavailableShare <= 1, unavailableShare, "0 to 1");
        check("htmlErrorShare", htmlErrorShare >= 0 && htmlErrorShare <= 1, htmlErrorShare, "0 to 1");
        check("sessionExpiresAfterCalls", sessionExpiresAfterCalls >= 0, sessionExpiresAfterCalls, "0 or more");
        check("lockErrorShare", lockErrorShare >= 0 && lockErrorShare <= 1, lockErrorShare, "0 to 1");
    }

    private static void check(String name, boolean ok, Object value, String valid) {
        if (!ok) {
            throw new IllegalArgumentException("fault setting " + name + " = " + value + " is out of range ("
                    + valid + ")");
        }
    }

    public FaultSettings withLatencyMillis(long v) {
        return new FaultSettings(v, unavailableShare, htmlErrorShare, sessionExpiresAfterCalls, lockErrorShare, seed);
    }

    public FaultSettings withUnavailableShare(double v) {
        return new FaultSettings(latencyMillis, v, htmlErrorShare, sessionExpiresAfterCalls, lockErrorShare, seed);
    }

    public FaultSettings withHtmlErrorShare(double v) {
        return new FaultSettings(latencyMillis, unavailableShare, v, sessionExpiresAfterCalls, lockErrorShare, seed);
    }

    public FaultSettings withSessionExpiresAfterCalls(long v) {
        return new FaultSettings(latencyMillis, unavailableShare, htmlErrorShare, v, lockErrorShare, seed);
    }

    public FaultSettings withLockErrorShare(double v) {
        return new FaultSettings(latencyMillis, unavailableShare, htmlErrorShare, sessionExpiresAfterCalls, v, seed);
    }

    SplittableRandom newRandom() {
        return new SplittableRandom(seed);
    }
}
