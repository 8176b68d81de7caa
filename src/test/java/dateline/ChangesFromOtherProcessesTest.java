package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.Section;
import dateline.comments.Comment;
import dateline.comments.CommentService;
import dateline.comments.NewComment;
import dateline.site.SiteSettings;
import dateline.testing.Articles;
import dateline.testing.Http;
import dateline.testing.TestSite;
import dateline.web.PageCache;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change made by another process on the same data folder — a command beside the running server, later
 * another node — reaches the server's cached pages within about a second.
 */
class ChangesFromOtherProcessesTest {
    /** The poll runs every second; the rest is for a busy machine. */
    private static final Duration WITHIN = Duration.ofMillis(1500);

    private TestSite site;
    private Http http;
    private Wiring command;
    private Account alice;
    private Section world;
    private Article bridge;

    @BeforeEach
    void openSiteAndASecondProcessOnItsData() {
        site = TestSite.serving();
        http = site.http();
        alice = site.anAuthor("Alice Moreau");
        world = site.wiring().articles().openSection("World", "Reporting from everywhere.");
        bridge = site.articles().anArticle().headline("Harbour bridge reopens").by(alice).in(world.id())
                .publishedAt(TestSite.START).article();
        site.clock().advance(Duration.ofHours(1));
        // as a command opens the site: its own services, page cache and database pool, no web server
        command = Wiring.open(Settings.resolve(site.dataFlags(), Map.of()), site.clock());
    }

    @AfterEach
    void close() {
        command.close();
        site.close();
    }

    private void cached(String path) {
        http.get(path);
        assertThat(http.get(path).headers().firstValue(PageCache.STATUS_HEADER)).as(path).hasValue("hit");
    }

    /** Reads the page until it shows the text, and answers how long that took; fails after {@link #WITHIN}. */
    private Duration showsWithin(String path, String text) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + WITHIN.toNanos();
        while (true) {
            HttpResponse<String> page = http.get(path);
            if (page.body().contains(text)) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.printf("%s showed \"%s\" after %d ms%n", path, text, took.toMillis());
                return took;
            }
            assertThat(System.nanoTime()).as("%s shows \"%s\" within %s", path, text, WITHIN).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void an_article_published_by_another_process_shows_on_the_cached_front_page_and_section() throws Exception {
        cached("/");
        cached("/sections/world/");

        new Articles(command.articles()).anArticle().headline("Ferry strike ends").by(alice).in(world.id())
                .publishedAt(site.clock().instant());

        showsWithin("/", "Ferry strike ends");
        showsWithin("/sections/world/", "Ferry strike ends");
    }

    @Test
    void a_comment_approved_by_another_process_shows_on_its_cached_article() throws Exception {
        Account editor = command.accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        Comment held = command.comments().post(new NewComment(bridge.id(), null, "Rui", "rui@example.net", "",
                "The night buses stop there again.", "192.0.2.7", "Firefox", null, null));
        cached(bridge.path());

        command.comments().moderate(held.id(), CommentService.Action.APPROVE, "", editor);

        showsWithin(bridge.path(), "The night buses stop there again.");
    }

    @Test
    void settings_changed_by_another_process_show_on_every_cached_page() throws Exception {
        cached("/");
        cached(bridge.path());
        SiteSettings settings = command.site().settings();

        command.site().save(new SiteSettings("The Harbour Gazette", settings.description(), settings.timezone(),
                settings.dateFormat(), settings.timeFormat(), settings.language(), settings.articlesPerPage(),
                settings.commentsOpenByDefault(), settings.closeCommentsAfterDays(), settings.uploadLimitMegabytes()));

        showsWithin("/", "The Harbour Gazette");
        showsWithin(bridge.path(), "The Harbour Gazette");
    }

    @Test
    void a_change_made_by_the_server_itself_is_not_dropped_a_second_time() throws Exception {
        cached(bridge.path());
        Account editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        site.wiring().comments().commentAsStaff(bridge.id(), "Traffic is flowing again.", editor);
        assertThat(http.get(bridge.path()).body()).contains("Traffic is flowing again.");
        // kept again by that read; a later read of its own entry would drop it
        Thread.sleep(CacheInvalidation.POLL.toMillis() * 2);
        assertThat(http.get(bridge.path()).headers().firstValue(PageCache.STATUS_HEADER)).hasValue("hit");
    }
}
