package io.redflag.emulator.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs one message as Salesforce does: {@code Content-Type: text/xml; charset=utf-8} and an empty
 * {@code SOAPAction}, no custom headers. Acknowledged only by HTTP 200 with {@code <Ack>true</Ack>}.
 */
final class Delivery {
    /** The outcome of one attempt: acknowledged, or why not. */
    record Outcome(boolean acknowledged, String reason) {
        static Outcome ack() {
            return new Outcome(true, "acknowledged");
        }

        static Outcome failed(String reason) {
            return new Outcome(false, reason);
        }
    }

    private final HttpClient http;
    private volatile Duration timeout;

    Delivery(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void timeout(Duration timeout) {
        this.timeout = timeout;
    }

    Outcome post(URI endpoint, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                return Outcome.failed("HTTP " + r.statusCode());
            }
            return NotificationXml.acknowledged(r.body()) ? Outcome.ack()
                    : Outcome.failed("no <Ack>true</Ack> in the answer");
        } catch (java.net.http.HttpTimeoutException e) {
            return Outcome.failed("timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return Outcome.failed("connection error: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted");
        }
    }
}
