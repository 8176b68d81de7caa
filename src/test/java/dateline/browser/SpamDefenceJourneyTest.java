package dateline.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.FullArticle;
import dateline.comments.Comment;
import dateline.comments.CommentStatus;
import dateline.comments.ModerationEntry;
import dateline.testing.Chromium;
import dateline.testing.TestSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * People typing at a person's pace in real Chromium, on a site whose clock runs with real time, are never
 * taken for machines: not by the field they never see (it is not shown and the keyboard never reaches it),
 * not by the form's timer, and not when many of them share one copy of the page, hours old, as a cache
 * would serve it.
 */
class SpamDefenceJourneyTest {
    /** A brisk typist: about 150 characters a minute once the browser's own time per key is added. */
    private static final Duration PER_KEY = Duration.ofMillis(30);

    @TempDir
    Path profiles;
    private TestSite site;
    private final List<ChromeDriver> browsers = new ArrayList<>();
    private Account editor;
    private String articleUrl;

    @BeforeEach
    void start() {
        site = TestSite.serving();
        Account author = site.anAuthor("Nadia Rahman");
        editor = site.wiring().accounts().open(new NewAccount("eda.moreno@example.org", "Eda Moreno", Role.EDITOR, null));
        FullArticle article = site.articles().anArticle().headline("Harbour bridge reopens after two years of repairs")
                .by(author).publishedAt(site.clock().instant());
        articleUrl = site.baseUrl() + article.article().path();
    }

    @AfterEach
    void stop() {
        browsers.forEach(ChromeDriver::quit);
        if (site != null) site.close();
    }

    @Test
    void a_person_typing_at_their_own_pace_is_never_caught_by_the_hidden_field_or_the_timer() {
        ChromeDriver reader = browser("reader");
        site.clock().run();
        long loaded = System.nanoTime();
        reader.get(articleUrl);

        WebElement homepage = reader.findElement(By.id("homepage"));
        assertThat(homepage.isDisplayed()).as("the hidden field is not shown").isFalse();
        type(reader.findElement(By.id("comment")), "The detour added forty minutes to my commute. Glad it's over.");
        // from field to field with the keyboard, as many people go: the hidden field is never reached
        reader.findElement(By.id("comment")).sendKeys(Keys.TAB);
        assertThat(focused(reader)).isEqualTo("name");
        type(reader.switchTo().activeElement(), "Amélie Durand");
        reader.switchTo().activeElement().sendKeys(Keys.TAB);
        type(reader.switchTo().activeElement(), "amelie.durand@example.net");
        reader.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(focused(reader)).isEqualTo("website");
        reader.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(focused(reader)).as("the next stop after the website is the checkbox").isEqualTo("remember");
        long id = Chromium.postComment(reader);
        Duration took = Duration.ofNanos(System.nanoTime() - loaded);

        Comment comment = site.wiring().comments().byId(id).orElseThrow();
        assertThat(comment.status()).as("sent %s seconds after the page loaded", took.toSeconds())
                .isEqualTo(CommentStatus.PENDING);
        assertThat(received(comment)).isEqualTo("the first comment from this address");
        assertThat(reader.findElement(By.cssSelector("#comment-" + id + " .comment-awaiting-moderation")).getText())
                .isEqualTo("Your comment is awaiting moderation.");
    }

    @Test
    void readers_of_one_copy_of_the_page_hours_old_share_its_token_and_are_all_accepted() {
        // the page is made once and every reader gets the same copy, as from a cache
        ChromeDriver first = browser("first-reader");
        ChromeDriver second = browser("second-reader");
        first.get(articleUrl);
        second.get(articleUrl);
        String token = first.findElement(By.id("form_token")).getDomProperty("value");
        assertThat(second.findElement(By.id("form_token")).getDomProperty("value")).isEqualTo(token);

        site.clock().advance(Duration.ofHours(3));
        site.clock().run();
        List<Long> ids = new ArrayList<>();
        for (ChromeDriver reader : List.of(first, second)) {
            boolean isFirst = reader == first;
            type(reader.findElement(By.id("comment")), isFirst ? "Does anyone know when the buses go back to normal?"
                    : "The council said the same two years ago. I'll believe it when I see it.");
            type(reader.findElement(By.id("name")), isFirst ? "Jon Park" : "Rita Gomez");
            type(reader.findElement(By.id("email")), isFirst ? "jon.park@example.net" : "rita@example.net");
            site.clock().advance(Duration.ofSeconds(20)); // both write from one network address: past the flood limit
            ids.add(Chromium.postComment(reader));
        }
        for (long id : ids) {
            Comment comment = site.wiring().comments().byId(id).orElseThrow();
            assertThat(comment.status()).isEqualTo(CommentStatus.PENDING);
            assertThat(received(comment)).isEqualTo("the first comment from this address");
        }
    }

    // ---- helpers

    private ChromeDriver browser(String profile) {
        ChromeDriver driver = Chromium.start(profiles.resolve(profile));
        browsers.add(driver);
        return driver;
    }

    /** Types a key at a time, as a person does. */
    private static void type(WebElement field, String text) {
        for (int i = 0; i < text.length(); i++) {
            field.sendKeys(text.substring(i, i + 1));
            try {
                Thread.sleep(PER_KEY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String focused(ChromeDriver browser) {
        return browser.switchTo().activeElement().getDomAttribute("id");
    }

    private String received(Comment comment) {
        List<ModerationEntry> log = site.wiring().comments().log(comment.id(), editor);
        return log.get(0).reason();
    }
}
