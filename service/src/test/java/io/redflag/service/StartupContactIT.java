package io.redflag.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.redflag.emulator.Emulator;
import io.redflag.emulator.EmulatorConfig;
import io.redflag.emulator.control.FaultSettings;
import io.redflag.service.startup.StartupProblems;
import io.redflag.service.store.OrgBinding;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The first contacts with the CRM at start-up: an org that accepts connections and never answers is reported
 * within the connect timeout (not the read timeout of minutes), and an org answering 503 for a while is tried
 * again with backoff until it answers, instead of the start-up failing.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupContactIT {

    private static String[] settings(String loginUrl, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--redflag.demo=false",
                "--redflag.salesforce.login-url=" + loginUrl,
                "--redflag.salesforce.client-id=" + EmulatorConfig.DEFAULT_CLIENT_ID,
                "--redflag.salesforce.client-secret=" + EmulatorConfig.DEFAULT_CLIENT_SECRET,
                "--redflag.sync.auto-startup=false"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The start-up failure in a cause chain (it keeps the CRM's exception as its own cause). */
    private static StartupProblems startupProblems(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StartupProblems p) {
                return p;
            }
        }
        throw new AssertionError("no StartupProblems in the cause chain of " + e, e);
    }

    @Test
    @Timeout(60) // the read timeout is 300 s: a start-up that waited for it would hang far past this
    void aTokenEndpointThatNeverAnswersIsReportedWithinTheConnectTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            CompletableFuture.runAsync(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept()); // accepted, never answered
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            assertThatThrownBy(() -> new SpringApplicationBuilder(RedflagApplication.class).run(settings(
                    "http://127.0.0.1:" + silent.getLocalPort(), "--redflag.salesforce.connect-timeout=1s",
                    "--redflag.salesforce.read-timeout=300s", "--redflag.salesforce.startup-attempts=2",
                    "--redflag.salesforce.startup-first-wait=10ms")).close())
                    .satisfies(e -> assertThat(startupProblems(e)).hasMessageContaining("failed 2 times")
                            .hasMessageContaining("timed out").hasMessageContaining("127.0.0.1:" + silent.getLocalPort()));
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void anOrgAnswering503AtStartUpIsTriedAgainUntilItAnswers(CapturedOutput output) throws Exception {
        try (Emulator org = Emulator.start(EmulatorConfig.defaults().withDemoOrg())) {
            org.control().faults(FaultSettings.NONE.withUnavailableShare(1.0));
            CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(
                    () -> new SpringApplicationBuilder(RedflagApplication.class).run(settings(org.baseUrl(),
                            "--redflag.salesforce.startup-attempts=100",
                            "--redflag.salesforce.startup-first-wait=100ms")));
            await().atMost(Duration.ofSeconds(30)).until(() -> output.getAll().contains("trying again"));
            assertThat(starting).isNotDone();

            org.control().faults(FaultSettings.NONE);

            try (ConfigurableApplicationContext run = starting.get()) {
                assertThat(run.getBean(OrgBinding.class).boundOrg()).isEqualTo(Emulator.ORG_ID);
                assertThat(output.getAll()).containsPattern("Start-up: (reading the org's id|describing the mapped"
                        + " objects \\[[A-Za-z, ]+\\]) failed \\(Could not get a token from " + org.baseUrl()
                        + ": HTTP 503 from the token endpoint\\); trying again in \\d+ ms \\(attempt 2 of 100\\)");
            }
        }
    }
}
