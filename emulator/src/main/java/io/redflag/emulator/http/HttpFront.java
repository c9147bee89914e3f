package io.redflag.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.redflag.emulator.control.ControlApi;
import io.redflag.emulator.control.OrgControl;
import io.redflag.emulator.oauth.OidcProvider;
import io.redflag.emulator.oauth.Reply;
import io.redflag.emulator.oauth.TokenEndpoint;
import io.redflag.emulator.soap.PartnerApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: routes the token endpoint, the OpenID Connect provider, the Partner SOAP endpoint, the
 * control API and records' pages, applies the transport faults (latency, 503 and HTML error pages) to Salesforce's
 * {@code /services/} paths, and speaks gzip both ways as Salesforce does.
 */
public final class HttpFront implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpFront.class);
    private static final Pattern SOAP_PATH = Pattern.compile("/services/Soap/u/(\\d+)\\.(\\d+)/?.*");
    static final int MIN_VERSION = 58;
    static final int MAX_VERSION = 65;

    static {
        // The JDK server leaves Nagle's algorithm on: a response's last segment then waited for the client's
        // delayed ACK, about 40 ms a page on loopback (measured: small-record pages read at a quarter of the
        // speed). Salesforce shows no such stall. Read when the JDK server is first made; -D still wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final PartnerApi soap;
    private final TokenEndpoint tokens;
    private final OidcProvider oidc;
    private final ControlApi controlApi;
    private final OrgControl control;
    private final RecordPage records;

    public HttpFront(int port, PartnerApi soap, TokenEndpoint tokens, OidcProvider oidc, ControlApi controlApi,
            OrgControl control, io.redflag.emulator.store.OrgStore store) throws IOException {
        this.records = new RecordPage(store);
        this.soap = soap;
        this.tokens = tokens;
        this.oidc = oidc;
        this.controlApi = controlApi;
        this.control = control;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        this.pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "emulator-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (path.startsWith("/_emulator/")) {
                ControlApi.Answer a = controlApi.handle(method, path, readBody(ex));
                send(ex, a.status(), "application/json", ControlApi.toJson(a.body()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (path.startsWith("/services/") && injectTransportFault(ex)) {
                return;
            }
            if (path.equals("/services/oauth2/token") && method.equals("POST")) {
                TokenEndpoint.Answer a = tokens.token(readBody(ex), ex.getRequestHeaders().getFirst("Authorization"),
                        base(ex));
                ex.getResponseHeaders().set("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
                send(ex, a.status(), "application/json;charset=UTF-8",
                        ControlApi.toJson(a.body()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (oidc.serves(path)) {
                String form = method.equals("POST") ? readBody(ex) : null;
                Reply r = oidc.handle(method, path, OidcProvider.parameters(ex.getRequestURI().getRawQuery(), form),
                        ex.getRequestHeaders().getFirst("Authorization"), base(ex));
                r.headers().forEach((name, value) -> ex.getResponseHeaders().set(name, value));
                send(ex, r.status(), r.contentType(), r.body());
                return;
            }
            Matcher m = SOAP_PATH.matcher(path);
            if (m.matches() && method.equals("POST")) {
                int major = Integer.parseInt(m.group(1));
                if (major < MIN_VERSION || major > MAX_VERSION || !m.group(2).equals("0")) {
                    send(ex, 500, "text/xml;charset=UTF-8", unsupportedVersion(m.group(1) + "." + m.group(2)));
                    return;
                }
                PartnerApi.Response r;
                try (InputStream in = body(ex)) {
                    r = soap.handle(in, m.group(1) + ".0");
                }
                send(ex, r.status(), "text/xml;charset=UTF-8", r.body());
                return;
            }
            if (RecordPage.serves(method, path)) {
                byte[] record = records.render(path);
                if (record != null) {
                    send(ex, 200, "text/html;charset=UTF-8", record);
                    return;
                }
            }
            send(ex, 404, "text/html;charset=UTF-8", page("404 Not Found", "The requested resource does not exist: "
                    + path).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.error("Unexpected error serving {}", ex.getRequestURI(), e);
            send(ex, 500, "text/html;charset=UTF-8", page("500 Server Error", "An unexpected error occurred")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Latency, maintenance pages (503) and proxy error pages (500 with HTML): what outages look like. */
    private boolean injectTransportFault(HttpExchange ex) throws IOException {
        var faults = control.faults();
        if (faults.latencyMillis() > 0) {
            try {
                Thread.sleep(faults.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (control.draw(faults.unavailableShare())) {
            control.countInjected("HTTP_503");
            readBody(ex);
            send(ex, 503, "text/html;charset=UTF-8", page("Service Unavailable",
                    "The server is temporarily unable to service your request due to maintenance downtime or"
                            + " capacity problems. Please try again later.").getBytes(StandardCharsets.UTF_8));
            return true;
        }
        if (control.draw(faults.htmlErrorShare())) {
            control.countInjected("HTML_ERROR_PAGE");
            readBody(ex);
            send(ex, 500, "text/html;charset=UTF-8", page("Error", "An internal server error has occurred."
                    + " An error has been logged.").getBytes(StandardCharsets.UTF_8));
            return true;
        }
        return false;
    }

    private static byte[] unsupportedVersion(String version) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:sf=\"urn:fault.partner.soap.sforce.com\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:UNSUPPORTED_API_VERSION</faultcode><faultstring>UNSUPPORTED_API_VERSION: Invalid"
                + " Api version specified on URL: " + version + " (the emulator serves " + MIN_VERSION + ".0 to "
                + MAX_VERSION + ".0)</faultstring><detail><sf:UnexpectedErrorFault"
                + " xsi:type=\"sf:UnexpectedErrorFault\"><sf:exceptionCode>UNSUPPORTED_API_VERSION</sf:exceptionCode>"
                + "<sf:exceptionMessage>Invalid Api version specified on URL: " + version
                + "</sf:exceptionMessage></sf:UnexpectedErrorFault></detail></soapenv:Fault></soapenv:Body>"
                + "</soapenv:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The base URL as the client reached the emulator (its Host header), which Salesforce answers with. */
    private String base(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        return "http://" + (host == null || host.isBlank() ? "127.0.0.1:" + port() : host);
    }

    private static String page(String title, String text) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>"
                + text.replace("<", "&lt;") + "</p></body></html>";
    }

    private static InputStream body(HttpExchange ex) throws IOException {
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = ex.getRequestBody();
        return encoding != null && encoding.toLowerCase().contains("gzip") ? new GZIPInputStream(in, 16384) : in;
    }

    private static String readBody(HttpExchange ex) throws IOException {
        try (InputStream in = body(ex)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.toLowerCase().contains("gzip") && body.length > 1024) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(body.length / 6 + 64);
            try (GZIPOutputStream gz = new FastGzip(zipped)) {
                gz.write(body);
            }
            body = zipped.toByteArray();
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        // -1: no body at all (a redirect), which the JDK server otherwise sends chunked.
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** gzip at the fastest level: on loopback the CPU, not the wire, is what a benchmark runs out of. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 16384);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
