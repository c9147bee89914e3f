package io.redflag.emulator.outbound;

import java.util.SplittableRandom;

/**
 * Delivery faults switched on at run time. Shares are between 0 and 1 and drawn from a generator seeded
 * with {@code seed}, so the same seed and the same traffic give the same faults.
 *
 * @param lostAckShare   acknowledged messages whose answer the emulator treats as lost: it redelivers them,
 *                       with the same notification ids
 * @param duplicateShare acknowledged messages that are sent a second time, with the same notification ids
 * @param delayMillis    each new message is held this many emulated milliseconds before its first attempt
 * @param reorder        notifications and messages are sent in a shuffled order rather than queue order
 * @param seed           seed of the generator
 */
public record OutboundFaults(double lostAckShare, double duplicateShare, long delayMillis, boolean reorder,
        long seed) {

    public static final OutboundFaults NONE = new OutboundFaults(0, 0, 0, false, 42);

    public OutboundFaults {
        share("lostAckShare", lostAckShare);
        share("duplicateShare", duplicateShare);
        if (delayMillis < 0 || delayMillis > 86_400_000L) {
            throw new IllegalArgumentException("outbound fault setting delayMillis = " + delayMillis
                    + " is out of range (0 to 86400000)");
        }
    }

    private static void share(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException("outbound fault setting " + name + " = " + v + " is out of range (0 to 1)");
        }
    }

    public OutboundFaults withLostAckShare(double v) {
        return new OutboundFaults(v, duplicateShare, delayMillis, reorder, seed);
    }

    public OutboundFaults withDuplicateShare(double v) {
        return new OutboundFaults(lostAckShare, v, delayMillis, reorder, seed);
    }

    public OutboundFaults withDelayMillis(long v) {
        return new OutboundFaults(lostAckShare, duplicateShare, v, reorder, seed);
    }

    public OutboundFaults withReorder(boolean v) {
        return new OutboundFaults(lostAckShare, duplicateShare, delayMillis, v, seed);
    }

    public OutboundFaults withSeed(long v) {
        return new OutboundFaults(lostAckShare, duplicateShare, delayMillis, reorder, v);
    }

    SplittableRandom newRandom() {
        return new SplittableRandom(seed);
    }
}
