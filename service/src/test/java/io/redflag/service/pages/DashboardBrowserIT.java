package io.redflag.service.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redflag.emulator.DemoLogin;
import io.redflag.service.crm.DemoOrg;
import io.redflag.service.store.DirtyAccounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The dashboard in a real browser (headless Chromium) against the demo, as a person uses it: log in at the
 * CRM's login page, filter the portfolio, open an account, follow an evidence link into the CRM, dry-run a
 * scorecard change and apply it. Each step is checked against the store, and saves a screenshot (under
 * target/screenshots; also into the folder -Dredflag.test.screenshots names, e.g. ../docs/screenshots, which the
 * README shows). The steps run in order on one login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redflag.salesforce.demo-port=0", "redflag.scoring.sweep-interval=200ms",
            "redflag.sync.poll-interval=200ms", "redflag.sync.max-poll-interval=200ms",
            "redflag.sync.daily-ceiling=100000000"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    private static ChromeDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    DemoOrg demo;
    @Autowired
    DirtyAccounts dirty;
    @Autowired
    DataSource dataSource;

    private JdbcTemplate jdbc;

    @BeforeAll
    static void startBrowser() {
        HeadlessChromium.require();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void demoIsScored() {
        jdbc = new JdbcTemplate(dataSource);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> dirty.size() == 0
                && count("SELECT COUNT(*) FROM account WHERE deleted = FALSE") > 0
                && count("SELECT COUNT(*) FROM account_score") == count("SELECT COUNT(*) FROM account WHERE deleted"
                        + " = FALSE"));
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private DemoLogin admin() {
        return demo.emulator().demoLogins().stream().filter(DemoLogin::admin).findFirst().orElseThrow();
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    private static void shot(String name) {
        HeadlessChromium.screenshot(browser, Path.of("target/screenshots", name + ".png"));
        String docs = System.getProperty("redflag.test.screenshots");
        if (docs != null) {
            HeadlessChromium.screenshot(browser, Path.of(docs, name + ".png"));
        }
    }

    /** Waits until the page's plots are drawn (or there are none). */
    private void chartsDrawn() {
        waiting().until(d -> d.findElements(By.cssSelector(".chart[data-chart]")).stream()
                .allMatch(c -> "true".equals(c.getAttribute("data-drawn"))));
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @Test
    @Order(1)
    void aPageSendsTheBrowserToTheCrmLoginAndBackToThePortfolio() {
        browser.get(base() + "/");
        waiting().until(d -> !d.findElements(By.id("username")).isEmpty());
        assertThat(browser.getCurrentUrl()).startsWith(demo.emulator().baseUrl());
        browser.findElement(By.id("username")).sendKeys(admin().username());
        browser.findElement(By.id("password")).sendKeys(admin().password());
        browser.findElement(By.id("Login")).click();
        waiting().until(d -> d.getCurrentUrl().startsWith(base()) && !d.findElements(By.tagName("h1")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Portfolio");
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).isEqualTo("Logged in as "
                + admin().username());
        chartsDrawn();
        assertThat(severeConsoleMessages()).as("the page's scripts run under its content security policy").isEmpty();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(HeadlessChromium.LAPTOP.width, 1900));
        shot("portfolio");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(HeadlessChromium.TABLET.width, 1900));
        chartsDrawn();
        assertThat(horizontalOverflow()).as("the tablet width needs no sideways scrolling").isFalse();
        shot("portfolio-tablet");
        browser.manage().window().setSize(HeadlessChromium.LAPTOP);
    }

    @Test
    @Order(2)
    void filteringByLevelListsExactlyTheStoredAccountsOfThatLevel() {
        browser.get(base() + "/");
        new Select(browser.findElement(By.id("scope"))).selectByValue("all");
        new Select(browser.findElement(By.id("level"))).selectByVisibleText("At Risk");
        browser.findElement(By.id("apply-filters")).click();
        waiting().until(d -> d.getCurrentUrl().contains("level=At"));
        List<String> expected = jdbc.queryForList("SELECT a.name FROM account_score s JOIN account a ON a.id ="
                + " s.account_id WHERE a.deleted = FALSE AND s.level = 'At Risk' ORDER BY s.score, a.id", String.class);
        assertThat(expected).as("the demo has At Risk accounts").isNotEmpty();
        List<String> listed = texts("#account-list tbody tr td:first-child a");
        assertThat(listed).isEqualTo(expected);
        assertThat(texts("#account-list tbody tr td:nth-child(5)")).containsOnly("At Risk");
    }

    @Test
    @Order(3)
    void anAccountShowsItsEvidenceAndTheLinkOpensTheRecordInTheCrm() {
        String id = jdbc.queryForObject("SELECT s.account_id FROM account_score s JOIN assessment h ON h.id ="
                + " s.assessment_id WHERE s.level = 'Critical' ORDER BY s.score, s.account_id FETCH FIRST 1 ROWS ONLY",
                String.class);
        String name = jdbc.queryForObject("SELECT name FROM account WHERE id = ?", String.class, id);
        browser.get(base() + "/?scope=all&level=Critical");
        browser.findElement(By.linkText(name)).click();
        waiting().until(d -> d.getCurrentUrl().endsWith("/accounts/" + id));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        chartsDrawn();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(HeadlessChromium.LAPTOP.width, 1500));
        shot("account");
        browser.manage().window().setSize(HeadlessChromium.LAPTOP);

        WebElement evidence = browser.findElement(By.cssSelector("#risk-list .evidence-link"));
        String record = evidence.getText();
        assertThat(evidence.getAttribute("href")).isEqualTo(demo.emulator().baseUrl() + "/" + record);
        evidence.click();
        waiting().until(d -> d.getCurrentUrl().equals(demo.emulator().baseUrl() + "/" + record));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(record);
        shot("evidence-in-the-crm");
    }

    @Test
    @Order(4)
    void aScorecardChangeIsDryRunWithoutWritingThenAppliedToEveryAccount() {
        int assessments = count("SELECT COUNT(*) FROM assessment");
        browser.get(base() + "/admin");
        String yaml = browser.findElement(By.id("yaml")).getAttribute("value");
        assertThat(yaml).contains("version: \"default-1\"").contains("  watch: 55");
        // Watch from a higher score up: the Watch accounts below it become At Risk, nothing else moves.
        Map<String, Object> watch = jdbc.queryForMap("SELECT MIN(score) AS low, MAX(score) AS high FROM account_score"
                + " WHERE level = 'Watch'");
        int low = ((Number) watch.get("low")).intValue();
        int high = ((Number) watch.get("high")).intValue();
        int threshold = high > low ? high : low + 1;
        String candidate = yaml.replace("version: \"default-1\"", "version: \"browser-test-1\"")
                .replace("  watch: 55", "  watch: " + threshold);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("yaml")), candidate);
        browser.findElement(By.id("dry-run")).click();
        waiting().until(d -> !d.findElements(By.id("dry-run-section")).isEmpty()
                || !d.findElements(By.id("scorecard-problems")).isEmpty() || !d.getCurrentUrl().endsWith("/admin"));
        assertThat(browser.findElements(By.id("dry-run-section"))).as(browser.getCurrentUrl() + ": "
                + browser.findElement(By.tagName("body")).getText()).isNotEmpty();
        List<String> expected = jdbc.queryForList("SELECT a.name FROM account_score s JOIN account a ON a.id ="
                + " s.account_id WHERE a.deleted = FALSE AND s.level = 'Watch' AND s.score < ? ORDER BY a.name",
                String.class, threshold);
        assertThat(expected).as("the demo has Watch accounts of different scores").isNotEmpty();
        List<String> changed = texts("#dry-run-changes tbody tr td:first-child a");
        assertThat(changed.stream().sorted().toList()).isEqualTo(expected);
        assertThat(texts("#dry-run-changes tbody tr td:nth-child(2)")).containsOnly("Watch");
        assertThat(texts("#dry-run-changes tbody tr td:nth-child(3)")).containsOnly("At Risk");
        assertThat(count("SELECT COUNT(*) FROM assessment")).as("a dry run writes nothing").isEqualTo(assessments);
        assertThat(count("SELECT COUNT(*) FROM applied_scorecard")).isZero();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(HeadlessChromium.LAPTOP.width, 1700));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dry-run-section').scrollIntoView()");
        shot("scorecard-dry-run");
        browser.manage().window().setSize(HeadlessChromium.LAPTOP);

        assertThat(postWithoutCsrfToken("/admin/scorecard/apply")).as("a forged apply").isEqualTo(403);
        browser.findElement(By.id("apply")).click();
        waiting().until(d -> !d.findElements(By.id("applied")).isEmpty());
        assertThat(browser.findElement(By.id("in-force")).getText()).isEqualTo("browser-test-1");
        assertThat(jdbc.queryForList("SELECT version || ' by ' || applied_by FROM applied_scorecard", String.class))
                .containsExactly("browser-test-1 by " + admin().username());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForMap("SELECT"
                + " COUNT(*) AS accounts, SUM(CASE WHEN h.scorecard_version = 'browser-test-1' THEN 1 ELSE 0 END)"
                + " AS rescored, SUM(CASE WHEN s.level = 'Watch' AND s.score < " + threshold + " THEN 1 ELSE 0 END)"
                + " AS wrong"
                + " FROM account_score s JOIN assessment h ON h.id = s.assessment_id").values().stream()
                .map(v -> ((Number) v).intValue()).toList()).isEqualTo(List.of(count("SELECT COUNT(*) FROM"
                        + " account_score"), count("SELECT COUNT(*) FROM account_score"), 0)));
    }

    @Test
    @Order(5)
    void aDryRunSaysItIsUnderWayAndItsButtonCannotSendItTwice() {
        browser.get(base() + "/admin");
        WebElement form = browser.findElement(By.cssSelector("form[data-busy]"));
        // The form's answer is not awaited here: the submission is stopped where it would leave the page.
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].addEventListener('submit', function (e) { e.preventDefault(); })", form);
        assertThat(browser.findElement(By.id("dry-run-status")).getText()).isEmpty();

        browser.findElement(By.id("dry-run")).click();

        assertThat(browser.findElement(By.id("dry-run-status")).getText()).isEqualTo("Dry run under way: every stored"
                + " account is scored with both scorecards (about 15–25 s for 20,000 accounts). Nothing is written.");
        assertThat(browser.findElement(By.id("dry-run-status")).getAttribute("role")).isEqualTo("status");
        assertThat(browser.findElement(By.id("dry-run")).isEnabled()).isFalse();
    }

    @Test
    @Order(6)
    void aFreshStoreShowsTheWeeksCountedSinceItsFirstScoringAndSaysWhyNoEarlier() {
        browser.get(base() + "/");

        // The demo store was first scored when this run started: this week alone was counted.
        List<String> weeks = browser.findElements(By.cssSelector("#weekly-figures tbody tr td:first-child")).stream()
                .map(cell -> cell.getAttribute("textContent").trim()).toList();
        assertThat(weeks).hasSize(1);
        assertThat(browser.findElement(By.id("weeks-uncounted")).getText()).isEqualTo("Weeks before " + weeks.get(0)
                + " were not counted: Redflag was not scoring yet.");
    }

    /** A POST riding on the session cookie, as a forged cross-site form would, without the CSRF token. */
    private int postWithoutCsrfToken(String path) {
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " fetch(arguments[0], {method: 'POST', body: new URLSearchParams({yaml: 'version: forged'}),"
                + " redirect: 'manual'}).then(r => done(r.status));", path);
        return ((Number) status).intValue();
    }

    private boolean horizontalOverflow() {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    }

    private List<String> severeConsoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("/favicon.ico")) // the CRM's login page has none
                .map(LogEntry::getMessage).toList();
    }
}
