package io.redflag.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A reverse proxy on a free loopback port in front of an org (login and instance alike: the token answer's
 * instance_url is rewritten to the proxy). It forwards every call; when told to, it lets a Task create reach the
 * org, waits for the org's answer (the tasks are committed), and answers the client with a gateway's 502 page
 * instead: the answer is lost, the write is not.
 */
public final class LosingProxy implements AutoCloseable {
    /** Headers the JDK client sets itself (or refuses), and hop-by-hop ones. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "keep-alive");
    private static final Pattern CREATE = Pattern.compile("<(\\w+:)?create[\\s>]");
    private static final Pattern TASK = Pattern.compile(">Task</");
    private static final byte[] GATEWAY_PAGE = ("<html><head><title>502 Bad Gateway</title></head><body><center>"
            + "<h1>502 Bad Gateway</h1></center></body></html>").getBytes(StandardCharsets.UTF_8);

    private final String target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger answersToLose = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final AtomicInteger taskCreates = new AtomicInteger();

    private LosingProxy(String target) throws IOException {
        this.target = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    /** A proxy in front of the org at this base URL. */
    public static LosingProxy start(String target) {
        try {
            return new LosingProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The next {@code n} Task create calls reach the org; their answers are replaced by a 502 page. */
    public void loseNextTaskCreateAnswers(int n) {
        answersToLose.set(n);
    }

    /** Answers replaced by a 502 page so far. */
    public int lostAnswers() {
        return lost.get();
    }

    /** Task create calls forwarded to the org so far. */
    public int taskCreates() {
        return taskCreates.get();
    }

    private void forward(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI()))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean taskCreate = isTaskCreate(ex, body);
            if (taskCreate) {
                taskCreates.incrementAndGet();
            }
            if (taskCreate && answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                lost.incrementAndGet();
                ex.getResponseHeaders().set("Content-Type", "text/html");
                send(ex, 502, GATEWAY_PAGE);
                return;
            }
            byte[] out = answer.body();
            boolean token = ex.getRequestURI().getPath().equals("/services/oauth2/token");
            if (token) {
                out = text(answer.headers().firstValue("Content-Encoding").orElse(""), out).replace(target, baseUrl())
                        .getBytes(StandardCharsets.UTF_8);
            }
            answer.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!NOT_FORWARDED.contains(lower) && !lower.equals(":status")
                        && !(token && lower.equals("content-encoding"))) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            send(ex, answer.statusCode(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean isTaskCreate(HttpExchange ex, byte[] body) throws IOException {
        String soap = text(String.valueOf(ex.getRequestHeaders().getFirst("Content-Encoding")), body);
        return CREATE.matcher(soap).find() && TASK.matcher(soap).find();
    }

    private static String text(String encoding, byte[] body) throws IOException {
        byte[] plain = encoding.equalsIgnoreCase("gzip")
                ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes() : body;
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
