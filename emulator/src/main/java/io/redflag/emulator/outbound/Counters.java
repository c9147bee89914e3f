package io.redflag.emulator.outbound;

import java.util.concurrent.atomic.LongAdder;

/** The running counts behind one endpoint's {@link EndpointStats}. */
final class Counters {
    final LongAdder queued = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder duplicated = new LongAdder();
    final LongAdder lostAcks = new LongAdder();

    EndpointStats snapshot() {
        return new EndpointStats(queued.sum(), sent.sum(), acknowledged.sum(), retried.sum(), dropped.sum(),
                duplicated.sum(), lostAcks.sum());
    }
}
