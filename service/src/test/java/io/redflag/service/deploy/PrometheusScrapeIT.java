package io.redflag.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.redflag.connector.mapping.RecordMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Once the demo org is synced, scored and written back, Prometheus' scrape carries every metric docs/deploy.md
 * documents, each with its description; the Grafana dashboard asks only for metrics the scrape has. The scrape
 * is taken from the registry, so it does not depend on the endpoint's security.
 */
@DemoService
class PrometheusScrapeIT {
    /** The metrics docs/deploy.md documents, by their Prometheus names. */
    static final Set<String> DOCUMENTED = Set.of("redflag_sync_lag_seconds", "redflag_crm_api_used_calls",
            "redflag_crm_api_limit_calls", "redflag_sync_calls_day_calls", "redflag_sync_calls_projected_calls",
            "redflag_scoring_duration_seconds", "redflag_outbox_pending_accounts", "redflag_followups_pending_tasks",
            "redflag_followups_created_tasks_total", "redflag_followups_held_back_tasks_total");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");
    private static final Pattern HELP = Pattern.compile("^# HELP (\\S+) (.*)$");

    @Autowired
    PrometheusMeterRegistry prometheus;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RecordMapper mapper;

    private Set<String> objects() {
        Set<String> objects = new TreeSet<>();
        mapper.entities().forEach(entity -> objects.add(mapper.object(entity)));
        return objects;
    }

    /** Every object read to its end, a scoring run done, follow-up tasks created in the org. */
    private boolean syncedScoredAndWritten() {
        var lags = meters.find("redflag.sync.lag").gauges();
        boolean synced = lags.size() == objects().size() && lags.stream().noneMatch(g -> Double.isNaN(g.value()));
        boolean scored = meters.find("redflag.scoring.duration").timers().stream().mapToLong(Timer::count).sum() > 0;
        var created = meters.find("redflag.followups.created").counter();
        return synced && scored && created != null && created.count() > 0;
    }

    @Test
    void theScrapeCarriesEveryDocumentedMetricWithItsDescriptionOnceTheDemoIsSyncedScoredAndWritten() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(this::syncedScoredAndWritten);
        String scrape = prometheus.scrape();
        Map<String, String> help = new HashMap<>();
        Map<String, List<String>> samples = new HashMap<>();
        for (String line : scrape.split("\n")) {
            Matcher h = HELP.matcher(line);
            if (h.matches()) {
                help.put(h.group(1), h.group(2).strip());
                continue;
            }
            Matcher s = SAMPLE.matcher(line);
            if (!line.startsWith("#") && s.find()) {
                samples.computeIfAbsent(s.group(1), k -> new ArrayList<>())
                        .add((s.group(2) == null ? "" : s.group(2)) + " " + s.group(3));
            }
        }
        for (String metric : DOCUMENTED) {
            assertThat(help.get(metric)).as("HELP of " + metric).isNotBlank();
            String sampled = metric.endsWith("_seconds") && samples.containsKey(metric + "_count")
                    ? metric + "_count" : metric;
            assertThat(samples.get(sampled)).as("samples of " + metric).isNotEmpty();
        }
        Set<String> lagged = new TreeSet<>();
        samples.get("redflag_sync_lag_seconds").forEach(sample -> {
            Matcher object = Pattern.compile("object=\"([^\"]+)\"").matcher(sample);
            assertThat(object.find()).as(sample).isTrue();
            lagged.add(object.group(1));
            assertThat(value(sample)).as(sample).isFinite();
        });
        assertThat(lagged).isEqualTo(objects());
        assertThat(samples.get("redflag_scoring_duration_seconds_count"))
                .anyMatch(s -> s.contains("accounts=\"every\"") && value(s) >= 1);
    }

    /** The value of a sample kept as "{labels} value". */
    private static double value(String sample) {
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    @Test
    void docsDeployListsExactlyTheMetricsThisTestChecks() throws Exception {
        Set<String> listed = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(redflag_[a-z_]+)`").matcher(Files.readString(
                Path.of("../docs/deploy.md")));
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertThat(listed).isEqualTo(new TreeSet<>(DOCUMENTED));
    }

    @Test
    void theDashboardAsksOnlyForMetricsTheScrapeHas() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(this::syncedScoredAndWritten);
        String scrape = prometheus.scrape();
        Set<String> asked = new TreeSet<>();
        Matcher name = Pattern.compile("redflag_[a-z_]+").matcher(Files.readString(
                Chart.DIR.resolve("dashboards/redflag.json")));
        while (name.find()) {
            asked.add(name.group());
        }
        assertThat(asked).isNotEmpty().allSatisfy(metric -> assertThat(scrape).as("the scrape")
                .containsPattern("(?m)^" + metric + "[{ ]"));
    }
}
