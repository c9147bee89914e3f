package io.redflag.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.store.SaveResult;
import io.redflag.emulator.store.WriteContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A record opens at the instance URL followed by its id (15 or 18 characters), where Redflag's evidence links point. */
class RecordPageIT {
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.start(EmulatorConfig.defaults());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRecordsPageShowsItsObjectNameAndFieldsByEitherIdLength() throws Exception {
        var store = emulator.store();
        SaveResult r = store.create(store.schema().find("Account"), Map.of("Name", "Acme <Holdings>"),
                WriteContext.api(emulator.runAsUserId()));
        assertThat(r.success()).as(String.valueOf(r.errors())).isTrue();
        for (String id : List.of(r.id(), r.id().substring(0, 15))) {
            HttpResponse<String> page = get("/" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
            assertThat(page.body()).contains("<title>Account: Acme &lt;Holdings&gt;</title>")
                    .contains("<td>" + r.id() + "</td>").doesNotContain("<Holdings>");
        }
    }

    @Test
    void anUnknownIdIsNotFound() throws Exception {
        assertThat(get("/001000000000000AAA").statusCode()).isEqualTo(404);
        assertThat(get("/not-an-id").statusCode()).isEqualTo(404);
    }
}
