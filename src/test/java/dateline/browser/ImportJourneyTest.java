package dateline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.testing.Chromium;
import dateline.testing.TestSite;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Moving in from WordPress in real Chromium: an administrator uploads a WordPress export in the newsroom,
 * watches the import, reads its report, and opens an imported article with its captioned image and its
 * threaded comments.
 */
class ImportJourneyTest {
    private static final String EMAIL = "ines.moreau@example.org";
    private static final String PASSWORD = "tides turn twice a day";

    private TestSite site;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start(@TempDir Path profile) {
        browser = Chromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        site = TestSite.serving();
        site.wiring().accounts().open(new NewAccount(EMAIL, "Inès Moreau", Role.ADMINISTRATOR, PASSWORD));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    @Test
    void an_administrator_imports_a_wordpress_site_and_reads_an_imported_article_with_its_comments() throws Exception {
        browser.get(site.baseUrl() + "/login");
        browser.findElement(By.id("email")).sendKeys(EMAIL);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.xpath("//button[normalize-space(.)='Sign in']")).click();
        wait.until(ExpectedConditions.urlToBe(site.baseUrl() + "/admin"));

        browser.findElement(By.cssSelector(".admin-nav")).findElement(By.linkText("Import and export")).click();
        wait.until(ExpectedConditions.urlToBe(site.baseUrl() + "/admin/transfer"));
        Chromium.screenshotWholePage(browser, "import-form");
        browser.findElement(By.id("file")).sendKeys(fixture().toString());
        browser.findElement(By.xpath("//button[normalize-space(.)='Import']")).click();

        // the screen refreshes itself until the report is there
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-heading"), "wordpress-site.xml is imported"));
        Chromium.screenshotWholePage(browser, "import-report");
        assertThat(browser.findElement(By.xpath("//tr[th='articles']/td[1]")).getText()).isNotEqualTo("0");

        // the article's old WordPress address leads to it
        browser.get(site.baseUrl() + "/2024/01/15/harbour-reopens/");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Harbour reopens after the storm"));
        assertThat(browser.findElement(By.cssSelector("figure figcaption")).getText())
                .isEqualTo("The harbour wall on Friday night");
        assertThat(browser.findElement(By.cssSelector("figure img")).getAttribute("alt"))
                .isEqualTo("Waves breaking over the harbour wall");
        assertThat(browser.findElement(By.cssSelector(".comment-list ol.children ol.children .comment-content")).getText())
                .contains("Will diesel be sold there too?");
        assertThat(browser.getPageSource()).doesNotContain("Cheap Watches").doesNotContain("Who pays for the repairs?")
                .doesNotContain("tom.reed@mail.example").doesNotContain("@mail.example");
        Chromium.screenshotWholePage(browser, "imported-article");
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(ImportJourneyTest.class.getResource("/imports/wordpress-site.xml").toURI()).toAbsolutePath();
    }
}
