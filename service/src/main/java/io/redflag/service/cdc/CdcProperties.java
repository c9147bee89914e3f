package io.redflag.service.cdc;

import io.redflag.connector.intake.cdc.CdcSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Change Data Capture over the Pub/Sub API ({@code redflag.cdc.*}).
 *
 * @param enabled       subscribe to change events (REDFLAG_CDC_ENABLED); unset: off
 * @param endpoint      the Pub/Sub API, host:port (REDFLAG_CDC_ENDPOINT); the demo uses its embedded org's
 * @param channels      the channels (REDFLAG_CDC_CHANNELS): /data/ChangeEvents, per-object channels
 *                      (/data/AccountChangeEvent) or a custom channel (/data/Redflag__chn)
 * @param objects       the objects selected for Change Data Capture in the org (REDFLAG_CDC_OBJECTS): what
 *                      /data/ChangeEvents or the custom channel carries; polls only reconcile them while the
 *                      stream is up
 * @param batchSize     events asked for at a time (1 to 100)
 * @param keepalive     gRPC keepalive pings
 * @param backoff       the first wait before reconnecting, doubling up to {@code maxBackoff}
 * @param trustPemFile  certificates to trust instead of the system's (PEM); unset: the system's trust store
 * @param reconcileInterval how often polls reconcile the objects the stream covers while it is up (it replays
 *                      what it missed, so less often than objects Outbound Messages cover)
 */
@ConfigurationProperties("redflag.cdc")
public record CdcProperties(Boolean enabled, @DefaultValue("api.pubsub.salesforce.com:7443") String endpoint,
        @DefaultValue("/data/ChangeEvents") List<String> channels,
        @DefaultValue("Account,Contact,Opportunity,Task,Event") List<String> objects,
        @DefaultValue("100") int batchSize, @DefaultValue("60s") Duration keepalive,
        @DefaultValue("1s") Duration backoff, @DefaultValue("5m") Duration maxBackoff, Path trustPemFile,
        @DefaultValue("6h") Duration reconcileInterval) {

    public CdcProperties {
        channels = trimmed(channels);
        objects = trimmed(objects);
        if (reconcileInterval == null || reconcileInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("redflag.cdc.reconcile-interval = " + reconcileInterval
                    + " must be at least 1m, for example 6h");
        }
    }

    /**
     * Whether the stream runs: only when set. The demo org serves its Pub/Sub API either way, so the demo can
     * try it ({@code REDFLAG_CDC_ENABLED=true --demo}); off by default there too, because with the stream up
     * the demo's objects are only reconciled every 6 h, and a change made through the Partner API as Redflag's
     * own client (the demo's walkthroughs, the service's tests) would never come back.
     */
    public boolean on() {
        return Boolean.TRUE.equals(enabled);
    }

    /**
     * The connector's settings.
     *
     * @throws IllegalArgumentException naming the property and the bad value
     */
    public CdcSettings settings(String host, int port, String trustPem) {
        return new CdcSettings(host, port, channels, objects, batchSize, keepalive, backoff, maxBackoff, trustPem);
    }

    /** The endpoint's host and port. */
    public String host() {
        int colon = endpoint.lastIndexOf(':');
        return colon < 0 ? endpoint : endpoint.substring(0, colon);
    }

    public int port() {
        int colon = endpoint.lastIndexOf(':');
        try {
            return colon < 0 ? 443 : Integer.parseInt(endpoint.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("redflag.cdc.endpoint (REDFLAG_CDC_ENDPOINT) = " + endpoint
                    + " must be host:port, e.g. api.pubsub.salesforce.com:7443");
        }
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
