package io.redflag.connector.resilience;

import io.redflag.connector.session.SalesforceSession;
import io.redflag.connector.session.SalesforceSession.ApiUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Governs the org's daily API allocation as the last answer's LimitInfoHeader reported it. Reads stop once
 * usage passes a share of the limit (default 80 %), so that the rest stays for write-back: risk fields and
 * follow-up tasks reaching reps matter more than a fresher read. Writes go on until the limit itself.
 * Before the first answer nothing is known and everything is allowed.
 *
 * <p>What is known is only as fresh as the last answer: once reads pause, no read would ever learn that the
 * org's rolling 24-hour count has fallen again. So while paused, one read every {@code recheckEvery} is let
 * through as a probe; its LimitInfoHeader either confirms the pause or ends it.
 */
public final class ApiBudget {
    public static final double DEFAULT_READ_SHARE = 0.80;

    /** The budget at one moment, for health and metrics. */
    public record State(long used, long limit, double shareUsed, double readThreshold, boolean readsPaused,
            boolean writesPaused) {
    }

    public static final Duration DEFAULT_RECHECK = Duration.ofMinutes(5);

    private final Supplier<ApiUsage> usage;
    private final double readShare;
    private final Clock clock;
    private final Duration recheckEvery;
    private Instant lastProbe;

    /**
     * @param usage     the latest API usage, or null when not known yet
     * @param readShare the share of the daily limit reads may use, above 0 and at most 1
     */
    public ApiBudget(Supplier<ApiUsage> usage, double readShare) {
        this(usage, readShare, Clock.systemUTC(), DEFAULT_RECHECK);
    }

    /**
     * @param recheckEvery while reads are paused, how often one read may go through to learn the usage anew
     */
    public ApiBudget(Supplier<ApiUsage> usage, double readShare, Clock clock, Duration recheckEvery) {
        if (!(readShare > 0.0 && readShare <= 1.0)) {
            throw new IllegalArgumentException("API budget readShare is " + readShare
                    + "; it must be above 0 and at most 1 (the share of the daily limit reads may use)");
        }
        this.usage = Objects.requireNonNull(usage, "usage");
        this.readShare = readShare;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recheckEvery = Objects.requireNonNull(recheckEvery, "recheckEvery");
    }

    /** The session's budget with reads kept under the default share. */
    public static ApiBudget of(SalesforceSession session) {
        return new ApiBudget(session::apiUsage, DEFAULT_READ_SHARE);
    }

    public boolean readsAllowed() {
        return !state().readsPaused();
    }

    public boolean writesAllowed() {
        return !state().writesPaused();
    }

    public State state() {
        ApiUsage u = usage.get();
        if (u == null || u.limit() <= 0) {
            return new State(u == null ? 0 : u.current(), u == null ? 0 : u.limit(), 0.0, readShare, false, false);
        }
        double share = u.share();
        return new State(u.current(), u.limit(), share, readShare, share > readShare, u.current() >= u.limit());
    }

    /** Fails fast, naming the usage and the threshold, when reads are paused (but for the periodic probe). */
    public void checkRead(String operation) {
        State s = state();
        if (s.readsPaused()) {
            synchronized (this) {
                Instant now = clock.instant();
                if (lastProbe == null) {
                    lastProbe = now; // the pause starts: the first probe comes one recheck period later
                } else if (!now.isBefore(lastProbe.plus(recheckEvery))) {
                    lastProbe = now;
                    return;
                }
            }
            throw ApiBudgetExhaustedException.readsPaused(operation, s);
        }
        synchronized (this) {
            lastProbe = null;
        }
    }

    /** Fails fast when the daily limit itself is used up. */
    public void checkWrite(String operation) {
        State s = state();
        if (s.writesPaused()) {
            throw ApiBudgetExhaustedException.limitReached(operation, s);
        }
    }
}
