package dateline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.Chromium;
import dateline.testing.DemoSites;
import dateline.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** A reader in real Chromium: the front page, then an article, with its headline, byline and dates. */
class ReaderJourneyTest {
    private TestSite site;
    private ChromeDriver browser;

    @BeforeEach
    void start(@TempDir Path profile) {
        browser = Chromium.start(profile);
        site = TestSite.serving();
        DemoSites.fill(site, 30);
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    @Test
    void a_reader_opens_the_front_page_follows_an_article_and_sees_headline_byline_and_dates() throws Exception {
        browser.get(site.baseUrl() + "/");
        assertThat(browser.getTitle()).isEqualTo("The Dateline Courier");
        List<WebElement> headlines = browser.findElements(By.cssSelector(".card-headline a"));
        assertThat(headlines).hasSizeGreaterThanOrEqualTo(10);
        screenshot("front-page");

        String chosen = headlines.get(1).getText();
        headlines.get(1).click();

        WebElement h1 = browser.findElement(By.tagName("h1"));
        assertThat(h1.getText()).isEqualTo(chosen);
        assertThat(browser.getCurrentUrl()).matches(".*/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+/$");
        WebElement byline = browser.findElement(By.cssSelector(".byline"));
        assertThat(byline.getText()).startsWith("By ");
        assertThat(byline.findElements(By.cssSelector("a[rel=author]"))).isNotEmpty();
        WebElement published = browser.findElement(By.cssSelector(".published time"));
        assertThat(published.getText()).matches("[A-Z][a-z]+ \\d{1,2}, \\d{4} \\d{1,2}:\\d{2} [ap]m");
        assertThat(published.getAttribute("datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
        assertThat(browser.findElement(By.cssSelector(".article-body")).getText()).hasSizeGreaterThan(500);
        screenshot("article");

        browser.findElement(By.cssSelector(".byline a")).click();
        assertThat(browser.findElement(By.cssSelector(".listing-header .kicker")).getText()).isEqualToIgnoringCase("Author");
    }

    @Test
    void an_article_reads_on_a_phone_sized_screen_without_sideways_scrolling() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
        browser.get(site.baseUrl() + "/");
        browser.findElements(By.cssSelector(".card-headline a")).get(0).click();
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
        assertThat(overflow).isEqualTo(false);
        screenshot("article-phone");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
