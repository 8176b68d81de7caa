package dateline.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.FullArticle;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.testing.Chromium;
import dateline.testing.TestSite;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Readers' comments in real Chromium: a reader comments and alone sees it waiting; a moderator approves it
 * in the newsroom; other readers see it and reply to it, with JavaScript (the form moves under the comment)
 * and without (the page reloads to reply); the first reader finds the form filled in on another article;
 * and what a reader types never runs as script.
 */
class CommentJourneyTest {
    private static final String HEADLINE = "Harbour bridge reopens after two years of repairs";
    private static final String FIRST_TEXT = "The detour added forty minutes to my commute. Glad it's over.";
    private static final String NAME = "Amélie Durand";
    private static final String EMAIL = "amelie.durand@example.net";
    private static final String WEBSITE = "https://amelie.example.net/";

    @TempDir
    Path profiles;
    private TestSite site;
    private final List<ChromeDriver> browsers = new ArrayList<>();
    private Account editor;
    private String articleUrl;
    private String otherArticleUrl;

    @BeforeEach
    void start() {
        site = TestSite.serving();
        Account author = site.anAuthor("Nadia Rahman");
        editor = site.wiring().accounts().open(new NewAccount("eda.moreno@example.org", "Eda Moreno", Role.EDITOR, null));
        FullArticle article = site.articles().anArticle().headline(HEADLINE).by(author)
                .publishedAt(site.clock().instant());
        FullArticle other = site.articles().anArticle().headline("Night ferries return to the old timetable")
                .by(author).publishedAt(site.clock().instant());
        articleUrl = site.baseUrl() + article.article().path();
        otherArticleUrl = site.baseUrl() + other.article().path();
    }

    @AfterEach
    void stop() {
        browsers.forEach(ChromeDriver::quit);
        if (site != null) site.close();
    }

    @Test
    void a_comment_waits_for_a_moderator_then_readers_see_it_and_reply_with_and_without_javascript() throws Exception {
        ChromeDriver first = browser("first-reader");
        ChromeDriver second = browser("second-reader");

        // The first reader comments; the page comes back at the comment, which only they see, waiting.
        first.get(articleUrl);
        assertThat(first.findElement(By.id("reply-title-text")).getText()).isEqualTo("Leave a Reply");
        assertThat(first.findElement(By.cssSelector(".comment-notes")).getText())
                .isEqualTo("Your email address will not be published. Required fields are marked *");
        assertThat(first.findElement(By.id("cancel-comment-reply-link")).isDisplayed()).isFalse();
        long commentId = post(first, FIRST_TEXT, NAME, EMAIL, WEBSITE, true);
        assertThat(first.getCurrentUrl()).isEqualTo(articleUrl + "#comment-" + commentId);
        WebElement own = first.findElement(By.id("comment-" + commentId));
        assertThat(own.findElement(By.cssSelector(".comment-awaiting-moderation")).getText())
                .isEqualTo("Your comment is awaiting moderation.");
        assertThat(own.findElement(By.cssSelector(".comment-content")).getText()).isEqualTo(FIRST_TEXT);

        second.get(articleUrl);
        assertThat(second.findElements(By.id("comment-" + commentId))).as("another browser sees nothing").isEmpty();
        assertThat(second.findElement(By.tagName("main")).getText()).doesNotContain(FIRST_TEXT).doesNotContain(NAME);
        assertThat(second.findElement(By.id("comments-title")).getText()).isEqualTo("No comments yet");

        // A moderator finds it waiting in the newsroom and approves it.
        ChromeDriver moderator = browser("moderator");
        moderator.get(site.baseUrl() + "/healthz");
        moderator.manage().addCookie(new Cookie("dateline_session", site.wiring().sessions().begin(editor, "test").token(), "/"));
        moderator.get(site.baseUrl() + "/admin/comments");
        assertThat(moderator.findElement(By.cssSelector("nav.tabs a[aria-current=page]")).getText()).isEqualTo("Pending (1)");
        WebElement row = moderator.findElement(By.cssSelector("ul.queue li"));
        assertThat(row.getText()).contains(NAME).contains(EMAIL).contains(FIRST_TEXT).contains(HEADLINE);
        row.findElement(By.linkText("Open")).click();
        waitFor(moderator).until(ExpectedConditions.urlToBe(site.baseUrl() + "/admin/comments/" + commentId));
        assertThat(moderator.findElement(By.tagName("h1")).getText()).isEqualTo("Comment by " + NAME);
        assertThat(moderator.findElement(By.cssSelector(".title-row .status")).getText()).isEqualTo("Pending");
        Chromium.screenshotWholePage(moderator, "moderation");
        moderator.findElement(By.cssSelector("button[name=action][value=approve]")).click();
        waitFor(moderator).until(ExpectedConditions.urlToBe(site.baseUrl() + "/admin/comments/" + commentId + "?done=approve"));
        assertThat(moderator.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("Approved: readers see it.");
        assertThat(moderator.findElement(By.cssSelector(".title-row .status")).getText()).isEqualTo("Approved");
        assertThat(moderator.findElement(By.cssSelector(".notes")).getText()).contains("approve, by Eda Moreno");

        // Now every reader sees it: the name linked to the website, an avatar with initials, nothing from elsewhere.
        second.navigate().refresh();
        WebElement approved = second.findElement(By.id("comment-" + commentId));
        assertThat(second.findElement(By.id("comments-title")).getText()).isEqualTo("1 comment");
        assertThat(approved.findElements(By.cssSelector(".comment-awaiting-moderation"))).isEmpty();
        WebElement authorLink = approved.findElement(By.cssSelector(".comment-author a"));
        assertThat(authorLink.getText()).isEqualTo(NAME);
        assertThat(authorLink.getAttribute("href")).isEqualTo(WEBSITE);
        assertThat(authorLink.getAttribute("rel").split(" ")).contains("nofollow", "ugc");
        WebElement avatar = approved.findElement(By.cssSelector(".avatar"));
        assertThat(avatar.getText()).isEqualTo("AD");
        assertThat(avatar.getTagName()).isEqualTo("span");
        assertOnlyThisSiteIsAsked(second);

        // The second reader replies with JavaScript: the form moves under the comment, and back on "Cancel reply".
        WebElement reply = approved.findElement(By.cssSelector(".comment-reply-link"));
        assertThat(reply.getText()).isEqualTo("Reply");
        reply.click();
        assertThat(second.findElements(By.cssSelector("#comment-" + commentId + " #respond")))
                .as("the form is under the comment").hasSize(1);
        assertThat(second.getCurrentUrl()).as("no reload").isEqualTo(articleUrl);
        assertThat(second.findElement(By.id("reply-title-text")).getText()).isEqualTo("Leave a Reply to " + NAME);
        assertThat(second.findElement(By.id("cancel-comment-reply-link")).isDisplayed()).isTrue();
        assertThat(second.findElement(By.id("comment_parent")).getAttribute("value")).isEqualTo(Long.toString(commentId));
        assertThat(second.switchTo().activeElement().getAttribute("id")).isEqualTo("comment");
        second.findElement(By.id("cancel-comment-reply-link")).click();
        assertThat(second.findElements(By.cssSelector("#comment-" + commentId + " #respond"))).isEmpty();
        assertThat(second.findElement(By.id("reply-title-text")).getText()).isEqualTo("Leave a Reply");
        assertThat(second.findElement(By.id("cancel-comment-reply-link")).isDisplayed()).isFalse();
        assertThat(second.findElement(By.id("comment_parent")).getAttribute("value")).isEmpty();
        second.findElement(By.cssSelector("#comment-" + commentId + " .comment-reply-link")).click();
        assertThat(second.findElements(By.cssSelector("#comment-" + commentId + " #respond"))).hasSize(1);
        second.findElement(By.id("comment")).sendKeys("Forty minutes? It was an hour for those of us from the north side.");
        Chromium.screenshotWholePage(second, "comment-reply");
        long jsReplyId = post(second, null, "Tomasz Nowak", "tomasz@example.net", "", false);
        WebElement nested = second.findElement(By.cssSelector("#comment-" + commentId + " > ol.children > li#comment-" + jsReplyId));
        assertThat(nested.findElement(By.cssSelector(".comment-awaiting-moderation")).getText())
                .isEqualTo("Your comment is awaiting moderation.");
        assertThat(nested.getAttribute("class")).contains("depth-2");

        // A third reader replies without JavaScript: "Reply" reloads the page with the form set to reply.
        ChromeDriver withoutScript = browser("no-javascript", "--blink-settings=scriptEnabled=false");
        withoutScript.get(articleUrl);
        assertThat(withoutScript.findElements(By.id("respond-home"))).as("the page's script did not run").isEmpty();
        withoutScript.findElement(By.cssSelector("#comment-" + commentId + " .comment-reply-link")).click();
        waitFor(withoutScript).until(ExpectedConditions.urlToBe(articleUrl + "?replytocom=" + commentId + "#respond"));
        assertThat(withoutScript.findElement(By.id("reply-title-text")).getText()).isEqualTo("Leave a Reply to " + NAME);
        WebElement cancel = withoutScript.findElement(By.id("cancel-comment-reply-link"));
        assertThat(cancel.isDisplayed()).isTrue();
        assertThat(cancel.getText()).isEqualTo("Cancel reply");
        assertThat(cancel.getAttribute("href")).isEqualTo(articleUrl + "#respond");
        assertThat(withoutScript.findElement(By.id("comment_parent")).getAttribute("value")).isEqualTo(Long.toString(commentId));
        long plainReplyId = post(withoutScript, "The ferry was quicker than the detour, for what it's worth.",
                "Grace Okafor", "grace@example.net", "", false);
        assertThat(withoutScript.findElement(By.cssSelector("#comment-" + commentId + " > ol.children > li#comment-"
                + plainReplyId + " .comment-awaiting-moderation")).getText()).isEqualTo("Your comment is awaiting moderation.");
        assertThat(withoutScript.findElement(By.id("reply-title-text")).getText()).isEqualTo("Leave a Reply");

        // Once both replies are approved, everyone sees them nested under the comment, oldest first.
        approve(jsReplyId);
        approve(plainReplyId);
        second.get(articleUrl);
        List<WebElement> replies = second.findElements(By.cssSelector("#comment-" + commentId + " > ol.children > li"));
        assertThat(replies).extracting(e -> e.getAttribute("id"))
                .containsExactly("comment-" + jsReplyId, "comment-" + plainReplyId);
        assertThat(second.findElement(By.id("comments-title")).getText()).isEqualTo("3 comments");
        assertThat(second.findElements(By.cssSelector(".comment-awaiting-moderation"))).isEmpty();
        assertOnlyThisSiteIsAsked(second);
        Chromium.screenshotWholePage(second, "comments");

        // The first reader asked to be remembered: on another article the form is filled in already.
        first.get(otherArticleUrl);
        assertThat(first.findElement(By.id("name")).getAttribute("value")).isEqualTo(NAME);
        assertThat(first.findElement(By.id("email")).getAttribute("value")).isEqualTo(EMAIL);
        assertThat(first.findElement(By.id("website")).getAttribute("value")).isEqualTo(WEBSITE);
        assertThat(first.findElement(By.id("remember")).isSelected()).isTrue();
        assertThat(first.findElement(By.id("comment")).getAttribute("value")).isEmpty();
        assertThat(first.getPageSource()).as("the page itself carries nothing personal").doesNotContain(EMAIL);
        // the others did not ask
        second.get(otherArticleUrl);
        assertThat(second.findElement(By.id("name")).getAttribute("value")).isEmpty();
    }

    @Test
    void what_readers_type_is_shown_as_text_and_never_runs() throws Exception {
        List<String> payloads = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                "<a href=\"javascript:alert(1)\">x</a>");
        String name = "Mallory \"><script>alert(2)</script>";
        ChromeDriver reader = browser("mallory");
        reader.get(articleUrl);
        List<Long> ids = new ArrayList<>();
        for (String payload : payloads) {
            reader.findElement(By.id("comment")).sendKeys(payload);
            ids.add(post(reader, null, name, "mallory@example.net", "", false));
            assertNoAlert(reader);
            if (ids.size() == 1) approve(ids.get(0)); // the later ones come from an address with an approved comment
        }
        for (long id : ids) {
            // none is thrown away; the spam classifier may hold a link to "javascript:" for a moderator, who lets it be
            CommentStatus status = site.wiring().comments().byId(id).orElseThrow().status();
            assertThat(status).isIn(CommentStatus.APPROVED, CommentStatus.PENDING);
            if (status == CommentStatus.PENDING) approve(id);
        }

        ChromeDriver other = browser("another-reader");
        for (ChromeDriver browser : List.of(reader, other)) {
            browser.get(articleUrl);
            assertNoAlert(browser);
            for (int i = 0; i < payloads.size(); i++) {
                WebElement comment = browser.findElement(By.id("comment-" + ids.get(i)));
                assertThat(comment.findElement(By.cssSelector(".comment-content")).getText()).isEqualTo(payloads.get(i));
                assertThat(comment.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo(name);
            }
            WebElement comments = browser.findElement(By.id("comments"));
            assertThat(comments.findElements(By.tagName("script"))).isEmpty();
            assertThat(comments.findElements(By.tagName("img"))).isEmpty();
            assertThat(comments.findElements(By.cssSelector("[onerror]"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector("a[href^='javascript']"))).isEmpty();
            assertOnlyThisSiteIsAsked(browser);
        }
        // the name goes into the reply heading as text
        other.findElement(By.cssSelector("#comment-" + ids.get(0) + " .comment-reply-link")).click();
        assertThat(other.findElement(By.id("reply-title-text")).getText()).isEqualTo("Leave a Reply to " + name);
        assertNoAlert(other);
        Chromium.screenshotWholePage(other, "comments-as-text");
    }

    // ---- helpers

    private ChromeDriver browser(String profile, String... arguments) {
        ChromeDriver driver = Chromium.start(profiles.resolve(profile), arguments);
        browsers.add(driver);
        return driver;
    }

    private static WebDriverWait waitFor(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    /**
     * Fills the form as it stands (the comment only when {@code text} is given) and presses "Post Comment";
     * answers the id of the comment the page comes back at. The site's clock first moves past the flood limit,
     * since every browser here comments from the same address.
     */
    private long post(ChromeDriver browser, String text, String name, String email, String website, boolean remember) {
        site.clock().advance(Duration.ofSeconds(20));
        if (text != null) browser.findElement(By.id("comment")).sendKeys(text);
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("website")).sendKeys(website);
        WebElement box = browser.findElement(By.id("remember"));
        if (box.isSelected() != remember) box.click();
        assertThat(browser.findElement(By.id("submit")).getText()).isEqualTo("Post Comment");
        return Chromium.postComment(browser);
    }

    private void approve(long commentId) {
        site.wiring().comments().moderate(commentId, CommentService.Action.APPROVE, "", editor);
    }

    private static void assertNoAlert(ChromeDriver browser) {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** Every image on the page and everything the page loaded came from this site: no avatar service, no tracker. */
    private void assertOnlyThisSiteIsAsked(ChromeDriver browser) {
        String host = URI.create(site.baseUrl()).getHost();
        for (WebElement img : browser.findElements(By.tagName("img"))) {
            assertThat(URI.create(img.getAttribute("src")).getHost()).as("image %s", img.getAttribute("src")).isEqualTo(host);
        }
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        assertThat(loaded).allSatisfy(url -> assertThat(url).startsWith(site.baseUrl() + "/"));
    }
}
