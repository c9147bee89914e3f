package io.redflag.emulator.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The emulator's dials and counters: the fault settings in force, the daily API request allocation and
 * its use (reported in every LimitInfoHeader), and counts of calls by operation, faults by code and
 * injected failures by kind.
 */
public final class OrgControl {
    private volatile FaultSettings faults = FaultSettings.NONE;
    private SplittableRandom random = FaultSettings.NONE.newRandom();
    private final AtomicLong apiUsed = new AtomicLong();
    private volatile long apiLimit;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faultsByCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();

    public OrgControl(long apiLimit) {
        this.apiLimit = apiLimit;
    }

    public FaultSettings faults() {
        return faults;
    }

    /** Puts new fault settings in force and restarts the draws from their seed. */
    public synchronized void faults(FaultSettings settings) {
        this.faults = settings;
        this.random = settings.newRandom();
    }

    /** True with the given probability, from the seeded generator. */
    public synchronized boolean draw(double share) {
        return share > 0 && (share >= 1 || random.nextDouble() < share);
    }

    /** Counts one API request against the allocation; false (and not counted) once it is used up. */
    public boolean tryUseApi() {
        while (true) {
            long used = apiUsed.get();
            if (used >= apiLimit) {
                return false;
            }
            if (apiUsed.compareAndSet(used, used + 1)) {
                return true;
            }
        }
    }

    public long apiUsed() {
        return apiUsed.get();
    }

    public long apiLimit() {
        return apiLimit;
    }

    public void apiLimit(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("apiLimit = " + limit + " must be 0 or more");
        }
        this.apiLimit = limit;
    }

    /** Starts a new 24-hour window: usage back to zero. */
    public void resetApiUsage() {
        apiUsed.set(0);
    }

    public void countCall(String operation) {
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public void countFault(String code) {
        faultsByCode.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    public void countInjected(String kind) {
        injected.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public long calls(String operation) {
        LongAdder n = calls.get(operation);
        return n == null ? 0 : n.sum();
    }

    /** Clears the call, fault and injection counters (not the API usage). */
    public void resetCounters() {
        calls.clear();
        faultsByCode.clear();
        injected.clear();
    }

    /** Everything at once, for the inspection endpoint. */
    public Map<String, Object> snapshot() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiUsage", Map.of("current", apiUsed.get(), "limit", apiLimit));
        out.put("calls", sums(calls));
        out.put("faults", sums(faultsByCode));
        out.put("injected", sums(injected));
        out.put("faultSettings", faults);
        return out;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
