package io.redflag.emulator.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A listener on a free loopback port, as a product's Outbound Message endpoint: records every request and
 * answers as the test scripts it (Ack true by default).
 */
final class Receiver implements AutoCloseable {
    enum Answer { ACK, NACK, HTTP_500 }

    /** One request as it arrived. */
    record Request(String body, String contentType, String soapAction, String query) {
        Notifications parsed() {
            return Notifications.parse(body);
        }
    }

    private final HttpServer server;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private Answer otherwise = Answer.ACK;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** Answers the next requests with these, then with {@code otherwise}. */
    void script(Answer... next) {
        lock.lock();
        try {
            script.addAll(List.of(next));
        } finally {
            lock.unlock();
        }
    }

    void otherwise(Answer answer) {
        lock.lock();
        try {
            otherwise = answer;
        } finally {
            lock.unlock();
        }
    }

    List<Request> requests() {
        lock.lock();
        try {
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code n} requests have arrived; fails after the timeout. */
    List<Request> await(int n, Duration timeout) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (requests.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + n + " requests within " + timeout + ", got "
                            + requests.size());
                }
                arrived.awaitNanos(left);
            }
            return List.copyOf(requests);
        } finally {
            lock.unlock();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            lock.lock();
            try {
                answer = script.isEmpty() ? otherwise : script.poll();
            } finally {
                lock.unlock();
            }
            byte[] out = switch (answer) {
                case ACK -> ack(true);
                case NACK -> ack(false);
                case HTTP_500 -> "<html><body>Internal error</body></html>".getBytes(StandardCharsets.UTF_8);
            };
            ex.getResponseHeaders().set("Content-Type", answer == Answer.HTTP_500 ? "text/html" : "text/xml");
            ex.sendResponseHeaders(answer == Answer.HTTP_500 ? 500 : 200, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
            // Recorded once answered, so that a test that saw n requests knows their answers were sent.
            lock.lock();
            try {
                requests.add(new Request(body, ex.getRequestHeaders().getFirst("Content-Type"),
                        ex.getRequestHeaders().getFirst("SOAPAction"), ex.getRequestURI().getQuery()));
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    static byte[] ack(boolean ack) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>" + ack + "</Ack>"
                + "</notificationsResponse></soapenv:Body></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        try {
            ((java.util.concurrent.ExecutorService) server.getExecutor()).awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
