package io.redflag.service.pages;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Benchmark, not a test: the portfolio page of a running service, its server time (the whole HTML answer,
 * read over HTTP with an API token) and its full load in headless Chromium (navigation to load event, then until
 * every plot is drawn), for the key accounts and for every account. Run by scripts/bench-dashboard.sh.
 *
 * <p>Usage: PortfolioPageBenchmark BASE_URL API_TOKEN
 */
public final class PortfolioPageBenchmark {
    private static final List<String> PAGES = List.of("/", "/?scope=all", "/?scope=all&level=Critical&page=3");
    private static final int ROUNDS = 7;

    private PortfolioPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        HttpClient http = HttpClient.newHttpClient();
        for (String page : PAGES) {
            List<Double> ms = new ArrayList<>();
            double first = 0;
            int bytes = 0;
            for (int i = 0; i < ROUNDS + 2; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + page))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(page + " answered " + r.statusCode() + ": " + r.body());
                }
                bytes = r.body().length();
                double took = (System.nanoTime() - t) / 1e6;
                if (i == 0) {
                    first = took; // the store's pages not yet in the database's cache, for the first page asked
                } else if (i >= 2) {
                    ms.add(took);
                }
            }
            System.out.printf("server %-40s first %6.0f ms, then median %6.0f ms, max %6.0f ms (%,d characters)%n",
                    page, first, median(ms), Collections.max(ms), bytes);
        }
        HeadlessChromium.require();
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                    Map.of("Authorization", "Bearer " + token)));
            for (String page : PAGES) {
                List<Double> load = new ArrayList<>();
                List<Double> drawn = new ArrayList<>();
                for (int i = 0; i < ROUNDS + 1; i++) {
                    long t = System.nanoTime();
                    browser.get(base + page);
                    double loaded = (System.nanoTime() - t) / 1e6;
                    new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(
                            By.cssSelector(".chart[data-chart]")).stream()
                            .allMatch(c -> "true".equals(c.getAttribute("data-drawn"))));
                    if (i >= 1) {
                        load.add(loaded);
                        drawn.add((System.nanoTime() - t) / 1e6);
                    }
                }
                System.out.printf("chromium %-38s load event median %6.0f ms, plots drawn median %6.0f ms (max %6.0f)%n",
                        page, median(load), median(drawn), Collections.max(drawn));
            }
        } finally {
            browser.quit();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
