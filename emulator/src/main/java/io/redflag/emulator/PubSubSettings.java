package io.redflag.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The org's Pub/Sub API: whether it serves one and how. Off unless a port is given.
 *
 * @param port           the port of its TLS gRPC server on 127.0.0.1 (0 = a free one), or {@link #OFF}
 * @param certificateOut where to write the server certificate's PEM at start (so clients can trust it), or null
 * @param channels       custom change event channels: topic ({@code /data/Redflag__chn}) → member objects
 * @param timeScale      emulated time of the event bus (retention, keepalives) runs this many times faster
 * @param keepalive      how long a subscription goes without a response before the server sends an empty one
 *                       (emulated time; Salesforce sends one within 270 seconds)
 */
public record PubSubSettings(int port, Path certificateOut, Map<String, List<String>> channels, double timeScale,
        Duration keepalive) {

    public static final int OFF = -1;
    public static final Duration SALESFORCE_KEEPALIVE = Duration.ofSeconds(270);
    /** A custom channel's API name, as Setup accepts it: ends in __chn. */
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z](?:_?[A-Za-z0-9])*__chn");

    public PubSubSettings {
        if (port < OFF || port > 65535) {
            throw new IllegalArgumentException("--pubsub-port " + port + " is not a port number (0 to 65535;"
                    + " 0 = any free port)");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        channels.forEach((name, members) -> copy.put(name, List.copyOf(members)));
        channels = Collections.unmodifiableMap(copy);
        if (!(timeScale >= 1 && timeScale <= 1e9)) {
            throw new IllegalArgumentException("--pubsub-time-scale " + timeScale + " is out of range (1 to"
                    + " 1000000000; 3600 = one emulated hour per real second)");
        }
        if (keepalive == null || keepalive.isNegative() || keepalive.isZero()) {
            throw new IllegalArgumentException("the Pub/Sub keepalive interval must be positive, not " + keepalive);
        }
    }

    public static PubSubSettings off() {
        return new PubSubSettings(OFF, null, Map.of(), 1, SALESFORCE_KEEPALIVE);
    }

    public boolean enabled() {
        return port != OFF;
    }

    public PubSubSettings withPort(int v) {
        return new PubSubSettings(v, certificateOut, channels, timeScale, keepalive);
    }

    public PubSubSettings withCertificateOut(Path v) {
        return new PubSubSettings(port, v, channels, timeScale, keepalive);
    }

    /**
     * Adds a custom channel: {@code name} is its API name ({@code Redflag__chn}) or topic
     * ({@code /data/Redflag__chn}); {@code entities} its members (objects are checked when the org starts).
     */
    public PubSubSettings withChannel(String name, List<String> entities) {
        String bare = name == null ? "" : name.trim().replaceFirst("^/data/", "");
        if (!CHANNEL.matcher(bare).matches()) {
            throw new IllegalArgumentException("--cdc-channel '" + name + "' is not a custom channel name: letters,"
                    + " digits and single underscores, ending in __chn (e.g. Redflag__chn)");
        }
        if (entities == null || entities.isEmpty()) {
            throw new IllegalArgumentException("--cdc-channel " + bare + " needs at least one object");
        }
        Map<String, List<String>> more = new LinkedHashMap<>(channels);
        more.put("/data/" + bare, entities);
        return new PubSubSettings(port, certificateOut, more, timeScale, keepalive);
    }

    public PubSubSettings withTimeScale(double v) {
        return new PubSubSettings(port, certificateOut, channels, v, keepalive);
    }

    public PubSubSettings withKeepalive(Duration v) {
        return new PubSubSettings(port, certificateOut, channels, timeScale, v);
    }
}
