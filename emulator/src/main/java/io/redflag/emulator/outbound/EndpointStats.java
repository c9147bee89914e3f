package io.redflag.emulator.outbound;

/**
 * What happened at one endpoint.
 *
 * @param queued       notifications queued (one per committed create or update)
 * @param sent         delivery attempts (messages POSTed, duplicates and retries included)
 * @param acknowledged messages the listener acknowledged (and the emulator took the ack)
 * @param retried      failed attempts scheduled again (Ack false, HTTP error, timeout, lost ack)
 * @param dropped      messages dropped because they were 24 hours old
 * @param duplicated   messages sent a second time by the duplicate fault
 * @param lostAcks     acknowledgements the lost-ack fault discarded
 */
public record EndpointStats(long queued, long sent, long acknowledged, long retried, long dropped, long duplicated,
        long lostAcks) {
}
