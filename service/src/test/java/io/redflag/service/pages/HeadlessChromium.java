package io.redflag.service.pages;

import io.redflag.service.RequiredOnCi;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver (packages {@code chromium}, {@code chromium-driver}; .ci/run installs them),
 * headless, with nothing of the network a closed machine lacks. No driver is downloaded: the driver's path is
 * given, so Selenium Manager is not asked. Where they are missing the browser tests are skipped with the reason,
 * except on CI, where they fail ({@link RequiredOnCi}).
 */
final class HeadlessChromium {
    static final Path BROWSER = Path.of(System.getProperty("redflag.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("redflag.test.chromedriver", "/usr/bin/chromedriver"));
    /** Laptop and tablet (portrait) viewports, as CSS pixels. */
    static final Dimension LAPTOP = new Dimension(1366, 900);
    static final Dimension TABLET = new Dimension(820, 1180);

    private HeadlessChromium() {
    }

    /** Skips (or on CI fails) the calling test when the browser or its driver is not installed. */
    static void require() {
        String missing = !Files.isExecutable(BROWSER) ? BROWSER + " is not installed"
                : !Files.isExecutable(DRIVER) ? DRIVER + " is not installed" : null;
        RequiredOnCi.require("A browser (Chromium and chromedriver)", missing,
                "install them with 'apt-get install -y chromium chromium-driver' (.ci/run does when they are missing)");
    }

    static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--force-device-scale-factor=1", "--window-size=" + LAPTOP.width + ","
                        + LAPTOP.height);
        // The console, so a test sees a script the content security policy blocked.
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        if ("root".equals(System.getProperty("user.name"))) {
            options.addArguments("--no-sandbox"); // Chromium refuses to run its sandbox as root
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Saves what the browser shows as a PNG, at the viewport's size. */
    static void screenshot(ChromeDriver driver, Path file) {
        try {
            Files.createDirectories(file.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
