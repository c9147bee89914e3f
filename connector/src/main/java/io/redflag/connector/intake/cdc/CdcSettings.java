package io.redflag.connector.intake.cdc;

import java.time.Duration;
import java.util.List;

/**
 * How the change stream connects and what it subscribes to.
 *
 * @param host        the Pub/Sub API's host (Salesforce: api.pubsub.salesforce.com)
 * @param port        its port (Salesforce: 7443, or 443)
 * @param topics      the channels: {@code /data/ChangeEvents}, per-object channels ({@code /data/AccountChangeEvent})
 *                    or a custom channel ({@code /data/Redflag__chn})
 * @param objects     the CRM objects selected for Change Data Capture in the org: what {@code /data/ChangeEvents}
 *                    and a custom channel carry (per-object channels name their object themselves)
 * @param batchSize   events asked for at a time (num_requested, 1 to 100): the next ask follows only once they
 *                    are stored
 * @param keepalive   gRPC keepalive pings on the connection (the server's own keepalive responses come on top)
 * @param backoff     the first wait before reconnecting after a failure; it doubles (with jitter) up to
 *                    {@code maxBackoff}
 * @param trustPem    certificates to trust (PEM text), for a server with its own certificate (the emulator);
 *                    null: the system's trust store
 */
public record CdcSettings(String host, int port, List<String> topics, List<String> objects, int batchSize,
        Duration keepalive, Duration backoff, Duration maxBackoff, String trustPem) {

    public static final String ALL_CHANGES = "/data/ChangeEvents";

    public CdcSettings {
        topics = List.copyOf(topics);
        objects = List.copyOf(objects);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("redflag.cdc.endpoint has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("redflag.cdc.endpoint port " + port + " must be 1 to 65535");
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("redflag.cdc.channels is empty: name /data/ChangeEvents, per-object"
                    + " channels (/data/AccountChangeEvent) or a custom channel (/data/Redflag__chn)");
        }
        for (String t : topics) {
            if (!t.startsWith("/data/")) {
                throw new IllegalArgumentException("redflag.cdc.channels: '" + t + "' is not a change event channel"
                        + " (/data/ChangeEvents, /data/AccountChangeEvent, /data/Redflag__chn)");
            }
        }
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("redflag.cdc.batch-size = " + batchSize + " must be 1 to 100");
        }
        if (backoff == null || backoff.isNegative() || backoff.isZero() || maxBackoff == null
                || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("redflag.cdc.backoff = " + backoff + " must be positive and at most"
                    + " redflag.cdc.max-backoff = " + maxBackoff);
        }
    }

    /**
     * The CRM objects a channel carries: its own object for a per-object channel, else the objects selected.
     */
    public List<String> objectsOf(String topic) {
        String name = topic.substring("/data/".length());
        if (!topic.equals(ALL_CHANGES) && name.endsWith("ChangeEvent") && !name.endsWith("__chn")) {
            String object = name.substring(0, name.length() - "ChangeEvent".length());
            // A custom object's channel is /data/Thing__ChangeEvent for Thing__c.
            return List.of(object.endsWith("__") ? object + "c" : object);
        }
        return objects;
    }
}
