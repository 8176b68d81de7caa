package dateline.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for browser journeys, driven through Debian's chromedriver, with both paths given
 * so that nothing is ever downloaded. Where Chromium is missing the journeys are skipped with a notice
 * saying how to install it; under {@code CI=true} its absence fails the run instead.
 */
public final class Chromium {
    private static final String BROWSER = envOr("CHROMIUM_BIN", "/usr/bin/chromium");
    private static final String DRIVER = envOr("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    private Chromium() {}

    /**
     * A new headless browser with a fresh profile in {@code profile}, and any further command-line switches
     * (such as {@code --blink-settings=scriptEnabled=false} for a reader without JavaScript); the caller quits it.
     */
    public static ChromeDriver start(Path profile, String... extraArguments) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static final Pattern COMMENT_ANCHOR = Pattern.compile("#comment-(\\d+)$");

    /**
     * Presses the comment form's button and waits for the page to come back at a new comment's anchor: a
     * different address from the one before, which after an earlier post is that comment's. Answers the id.
     */
    public static long postComment(ChromeDriver browser) {
        WebElement button = browser.findElement(By.id("submit"));
        String before = browser.getCurrentUrl();
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.and(
                ExpectedConditions.urlMatches(COMMENT_ANCHOR.pattern()), ExpectedConditions.not(ExpectedConditions.urlToBe(before))));
        Matcher anchor = COMMENT_ANCHOR.matcher(browser.getCurrentUrl());
        Assertions.assertTrue(anchor.find());
        return Long.parseLong(anchor.group(1));
    }

    /**
     * Saves the whole page, not only the window, as {@code target/screenshots/NAME.png}, so that one picture
     * shows everything for review. Capturing beyond the window lays the page out without a scroll bar, so the
     * picture is as wide as the whole window.
     */
    @SuppressWarnings("unchecked")
    public static void screenshotWholePage(ChromeDriver browser, String name) throws IOException {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Number windowWidth = (Number) browser.executeScript("return window.innerWidth;");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", windowWidth.doubleValue(),
                "height", Math.min(6000, ((Number) size.get("height")).doubleValue()), "scale", 1);
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static void requireInstalled() {
        boolean installed = Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
        if (installed) return;
        String notice = """

                ************************************************************************
                *  BROWSER TESTS SKIPPED: Chromium or chromedriver is not installed.    *
                *  Looked for %s and %s.
                *  Install them with:  sudo apt-get install chromium chromium-driver     *
                *  (or set CHROMIUM_BIN and CHROMEDRIVER_BIN to their paths).            *
                ************************************************************************
                """.formatted(BROWSER, DRIVER);
        System.err.println(notice);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true but Chromium is missing: " + notice);
        }
        Assumptions.abort(notice);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
