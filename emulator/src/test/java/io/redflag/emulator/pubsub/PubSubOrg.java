package io.redflag.emulator.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.PartnerConnection;
import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.wsc.Wsc;
import io.redflag.pubsub.v1.ConsumerEvent;
import io.redflag.pubsub.v1.FetchResponse;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * An emulated org serving the Pub/Sub API on a free port, a session from its token endpoint, an independent
 * client and a Partner API connection (WSC) that writes as client "IndependentIT".
 */
final class PubSubOrg implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String CLIENT = "IndependentIT";
    final Emulator emulator;
    final String accessToken;
    final String instanceUrl;
    final IndependentClient client;
    final PartnerConnection partner;

    PubSubOrg(EmulatorConfig config) {
        emulator = Emulator.start(config.withPubSubPort(0));
        var token = Wsc.token(emulator);
        accessToken = token.get("access_token").asString();
        // A real org's instance URL is https; the emulator's own base URL is plain http on the same port.
        instanceUrl = token.get("instance_url").asString().replaceFirst("^http:", "https:");
        client = newClient(accessToken);
        partner = Wsc.connect(Wsc.config(emulator, accessToken));
        partner.setCallOptions(CLIENT, null);
    }

    /** Short keepalives, so that a quiet stream answers quickly. */
    static EmulatorConfig config() {
        return EmulatorConfig.defaults().withPubSubKeepalive(Duration.ofMillis(200));
    }

    IndependentClient newClient(String token) {
        return new IndependentClient(emulator.pubSubPort(), emulator.pubSubCertificatePem(), token, instanceUrl);
    }

    /** Waits for the stream's first response (a keepalive): from then on the subscription is in place. */
    static FetchResponse started(IndependentClient.Stream stream) {
        FetchResponse first = stream.next(WAIT);
        assertThat(first.getEventsList()).as("a keepalive before any write").isEmpty();
        return first;
    }

    /** The next {@code n} events, skipping keepalives; fails if they do not all come in time. */
    static List<ConsumerEvent> events(IndependentClient.Stream stream, int n) {
        List<ConsumerEvent> out = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (out.size() < n) {
            assertThat(System.nanoTime()).as("%d of %d events by the deadline", out.size(), n).isLessThan(deadline);
            out.addAll(stream.next(WAIT).getEventsList());
        }
        assertThat(out).as("no more events than awaited in the batches read").hasSize(n);
        return out;
    }

    GenericRecord header(GenericRecord event) {
        return (GenericRecord) event.get("ChangeEventHeader");
    }

    /**
     * A bitmap field list decoded as Salesforce's example clients do: the first element's set bits name
     * top-level fields by position; "{position}-{bitmap}" elements name the parts of a compound field.
     */
    static List<String> fieldNames(Schema schema, List<?> bitmaps) {
        List<String> names = new ArrayList<>();
        for (Object element : bitmaps) {
            String s = element.toString();
            int dash = s.indexOf('-');
            Schema.Field parent = dash < 0 ? null : schema.getFields().get(Integer.parseInt(s.substring(0, dash)));
            Schema fields = parent == null ? schema : parent.schema().getTypes().get(1);
            BigInteger bits = new BigInteger(s.substring(dash + 3), 16);
            for (int i = 0; i < bits.bitLength(); i++) {
                if (bits.testBit(i)) {
                    names.add((parent == null ? "" : parent.name() + ".") + fields.getFields().get(i).name());
                }
            }
        }
        return names;
    }

    @Override
    public void close() {
        client.close();
        emulator.close();
    }
}
