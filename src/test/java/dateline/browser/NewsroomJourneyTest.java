package dateline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.testing.Chromium;
import dateline.testing.TestSite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A newsroom in real Chromium, from a brand-new site: set it up, sign in, open a section, write and publish
 * an article with a featured image, then update it significantly, and read what readers see.
 */
class NewsroomJourneyTest {
    private static final String EMAIL = "marta.keller@example.org";
    private static final String PASSWORD = "harbour lights and night ferries";
    private static final String BODY = """
            The harbour bridge reopened on Monday after two years of repairs.

            ## What changes for commuters

            - Buses return to the old route
            - Cyclists get a lane of their own

            Traffic was light in the morning.""";
    private static final String UPDATED_BODY = BODY.replace(
            "Traffic was light in the morning.", "Traffic was heavy by the evening rush.");

    private TestSite site;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path image;

    @BeforeEach
    void start(@TempDir Path profile, @TempDir Path files) throws Exception {
        browser = Chromium.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        site = TestSite.serving();
        image = files.resolve("harbour-bridge.jpg");
        BufferedImage picture = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(30, 80, 140), 1200, 800, new Color(230, 170, 90)));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 520, 1200, 60);
        g.dispose();
        assertThat(ImageIO.write(picture, "jpeg", image.toFile())).isTrue();
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    @Test
    void an_administrator_sets_up_a_new_site_publishes_an_article_with_an_image_and_updates_it_for_readers()
            throws Exception {
        setUpTheSite();
        signIn();
        openSection("Transport");

        // Writing: the live preview follows the Markdown as it is typed.
        browser.get(site.baseUrl() + "/admin/articles/new");
        browser.findElement(By.id("headline")).sendKeys("Harbour bridge reopens to traffic");
        browser.findElement(By.id("standfirst")).sendKeys("Commuters welcome the end of two years of detours.");
        browser.findElement(By.id("body")).sendKeys(BODY);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#preview h2"), "What changes for commuters"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#preview ul li"), 2));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), "Traffic was light in the morning."));
        new Select(browser.findElement(By.id("section"))).selectByVisibleText("Transport");
        browser.findElement(By.id("tags")).sendKeys("Infrastructure");
        browser.findElement(By.id("dateline")).sendKeys("HAMBURG");
        browser.findElement(By.id("featured_upload")).sendKeys(image.toAbsolutePath().toString());
        browser.findElement(By.id("featured_alt")).sendKeys("The harbour bridge at dusk");
        Chromium.screenshotWholePage(browser, "editor");

        browser.findElement(By.id("publish-button")).click();
        wait.until(ExpectedConditions.urlMatches("/admin/articles/\\d+\\?done=published$"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Published.");
        assertThat(browser.findElement(By.cssSelector(".title-row .status")).getText()).isEqualTo("Published");
        assertThat(browser.findElement(By.cssSelector("img.featured-thumb")).getAttribute("alt"))
                .isEqualTo("The harbour bridge at dusk");
        String editorUrl = browser.getCurrentUrl().replaceAll("\\?.*$", "");

        // The public article, from the editor's "Live at" link.
        browser.findElement(By.xpath("//p[starts-with(normalize-space(.), 'Live at')]/a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1.headline")));
        String articleUrl = browser.getCurrentUrl();
        assertThat(articleUrl).isEqualTo(site.baseUrl() + "/2024/06/20/harbour-bridge-reopens-to-traffic/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Harbour bridge reopens to traffic");
        assertThat(browser.getTitle()).startsWith("Harbour bridge reopens to traffic");
        WebElement featured = browser.findElement(By.cssSelector(".featured-image img"));
        assertThat(featured.getAttribute("alt")).isEqualTo("The harbour bridge at dusk");
        assertThat(featured.getAttribute("srcset")).matches("(\\S+ \\d+w, )+\\S+ \\d+w");
        assertThat((Boolean) browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", featured))
                .as("the featured image loads").isTrue();
        WebElement author = browser.findElement(By.cssSelector(".byline a[rel=author]"));
        assertThat(author.getText()).isEqualTo("Marta Keller");
        assertThat(author.getAttribute("href")).isEqualTo(site.baseUrl() + "/authors/marta-keller/");
        assertThat(browser.findElement(By.cssSelector(".dateline-place")).getText()).isEqualTo("HAMBURG");
        assertThat(browser.findElement(By.cssSelector(".published")).getText()).isEqualTo("Published June 20, 2024 9:38 am");
        assertThat(browser.findElement(By.cssSelector(".published time")).getAttribute("datetime"))
                .isEqualTo("2024-06-20T09:38:00+02:00");
        assertThat(browser.findElements(By.cssSelector(".last-updated"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("main")).getText()).doesNotContain("Last Updated");
        assertThat(browser.findElement(By.cssSelector(".article-body h2")).getText()).isEqualTo("What changes for commuters");
        assertThat(browser.findElement(By.cssSelector(".kicker a")).getText()).isEqualToIgnoringCase("Transport");
        assertThat(browser.findElement(By.cssSelector("a[rel=tag]")).getText()).isEqualTo("Infrastructure");
        Chromium.screenshotWholePage(browser, "article-published");

        // Two hours and a quarter later, a significant update.
        site.clock().advance(Duration.ofMinutes(135));
        browser.get(editorUrl);
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body")));
        assertThat(browser.findElement(By.id("note-field")).isDisplayed()).as("no note for a minor edit").isFalse();
        body.clear();
        body.sendKeys(UPDATED_BODY);
        browser.findElement(By.cssSelector("input[name=edit][value=update]")).click();
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("note")));
        note.sendKeys("Adds the evening traffic on the reopened bridge.");
        browser.findElement(By.xpath("//button[normalize-space(.)='Update']")).click();
        wait.until(ExpectedConditions.urlToBe(editorUrl + "?done=updated"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).startsWith("Updated.");

        // What readers see now.
        browser.navigate().to(articleUrl);
        WebElement lastUpdated = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".last-updated")));
        assertThat(lastUpdated.getText()).startsWith("Last Updated on June 20, 2024 11:53 am");
        assertThat(lastUpdated.findElement(By.tagName("time")).getAttribute("datetime"))
                .isEqualTo("2024-06-20T11:53:00+02:00");
        assertThat(browser.findElement(By.cssSelector(".published time")).getAttribute("datetime"))
                .as("publication does not move").isEqualTo("2024-06-20T09:38:00+02:00");
        assertThat(browser.findElement(By.cssSelector(".article-body")).getText())
                .contains("Traffic was heavy by the evening rush.").doesNotContain("Traffic was light");
        WebElement updates = browser.findElement(By.cssSelector("section.updates"));
        assertThat(updates.findElement(By.tagName("h2")).getText()).isEqualTo("Updates and corrections");
        assertThat(updates.findElement(By.cssSelector("li")).getText())
                .isEqualTo("Update, June 20, 2024 11:53 am: Adds the evening traffic on the reopened bridge.");
        Chromium.screenshotWholePage(browser, "article-updated");

        browser.findElement(By.linkText("See what changed")).click();
        wait.until(ExpectedConditions.urlToBe(articleUrl + "history/"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Harbour bridge reopens to traffic");
        List<String> inserted = texts(".history ins");
        List<String> deleted = texts(".history del");
        assertThat(String.join(" ", inserted)).contains("heavy").contains("evening").contains("rush");
        assertThat(String.join(" ", deleted)).contains("light").contains("morning");
        assertThat(browser.findElement(By.cssSelector(".history li")).getText())
                .contains("Adds the evening traffic on the reopened bridge.");
        Chromium.screenshotWholePage(browser, "history");
    }

    @Test
    void an_administrator_pins_an_older_article_to_the_front_page_and_writes_a_page_watching_its_preview()
            throws Exception {
        setUpTheSite();
        signIn();
        var me = site.wiring().accounts().byEmail(EMAIL).orElseThrow();
        var older = site.articles().anArticle().headline("Ferry timetable changes for the summer").by(me)
                .publishedAt(site.clock().instant().minus(Duration.ofDays(2))).article();
        site.articles().anArticle().headline("Harbour festival programme announced").by(me)
                .publishedAt(site.clock().instant().minus(Duration.ofHours(1)));

        // Pinning, from the article's editor: a button of a form of its own, outside the editor's form.
        browser.get(site.baseUrl() + "/admin/articles/" + older.id());
        browser.findElement(By.xpath("//button[normalize-space(.)='Pin to the front page']")).click();
        wait.until(ExpectedConditions.urlToBe(site.baseUrl() + "/admin/articles/" + older.id() + "?done=pinned"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).startsWith("Pinned to the front page");
        assertThat(browser.findElement(By.cssSelector(".pin-box .status-pinned")).getText()).isEqualTo("Pinned");
        Chromium.screenshotWholePage(browser, "editor-pinned");

        browser.get(site.baseUrl() + "/");
        List<WebElement> cards = browser.findElements(By.cssSelector("ol.cards > li"));
        assertThat(cards.get(0).findElement(By.cssSelector(".pinned-label")).getText()).isEqualToIgnoringCase("Pinned");
        assertThat(cards.get(0).findElement(By.cssSelector(".card-headline")).getText())
                .isEqualTo("Ferry timetable changes for the summer");
        assertThat(cards.get(1).getText()).contains("Harbour festival programme announced").doesNotContain("PINNED");
        assertThat(texts(".card-headline")).containsOnlyOnce("Ferry timetable changes for the summer");
        Chromium.screenshotWholePage(browser, "front-pinned");

        // A page, with the same live preview as articles: Markdown as typed, then HTML, cleaned.
        browser.get(site.baseUrl() + "/admin/pages/new");
        browser.findElement(By.id("title")).sendKeys("About us");
        browser.findElement(By.id("body")).sendKeys("## Who we are\n\nA *newsroom* by the harbour.");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#preview h2"), "Who we are"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#preview em"), "newsroom"));
        new Select(browser.findElement(By.id("body_format"))).selectByValue("html");
        WebElement body = browser.findElement(By.id("body"));
        body.clear();
        body.sendKeys("<p>Write to <strong>the desk</strong><script>document.title='hacked'</script></p>");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#preview strong"), "the desk"));
        assertThat(browser.findElements(By.cssSelector("#preview script"))).isEmpty();
        assertThat(browser.getTitle()).doesNotContain("hacked");
        Chromium.screenshotWholePage(browser, "page-editor-preview");
    }

    private void setUpTheSite() {
        browser.get(site.baseUrl() + "/");
        wait.until(ExpectedConditions.urlToBe(site.baseUrl() + "/setup"));
        assertThat(browser.findElements(By.id("code"))).as("no set-up code on loopback").isEmpty();
        browser.findElement(By.id("site_title")).sendKeys("The Harbour Courier");
        new Select(browser.findElement(By.id("timezone"))).selectByValue("Europe/Berlin");
        browser.findElement(By.id("name")).sendKeys("Marta Keller");
        browser.findElement(By.id("email")).sendKeys(EMAIL);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.xpath("//button[normalize-space(.)='Set up the site']")).click();
        wait.until(ExpectedConditions.urlToBe(site.baseUrl() + "/"));
        assertThat(browser.findElement(By.cssSelector(".site-title")).getText()).isEqualTo("The Harbour Courier");
    }

    private void signIn() {
        browser.get(site.baseUrl() + "/login");
        browser.findElement(By.id("email")).sendKeys(EMAIL);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.xpath("//button[normalize-space(.)='Sign in']")).click();
        wait.until(ExpectedConditions.urlToBe(site.baseUrl() + "/admin"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hello, Marta");
    }

    private void openSection(String name) {
        browser.findElement(By.cssSelector(".admin-nav")).findElement(By.linkText("Sections")).click();
        wait.until(ExpectedConditions.urlToBe(site.baseUrl() + "/admin/sections"));
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("description")).sendKeys("Roads, rails, bridges and ferries.");
        browser.findElement(By.xpath("//button[normalize-space(.)='Open the section']")).click();
        wait.until(ExpectedConditions.urlToBe(site.baseUrl() + "/admin/sections?done=opened"));
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("The section is open.");
        assertThat(texts(".section-admin-list a")).containsExactly(name);
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }
}
