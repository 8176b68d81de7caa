package dateline;

import static dateline.testing.Pages.cookie;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleService;
import dateline.articles.BodyFormat;
import dateline.articles.Edit;
import dateline.articles.Section;
import dateline.comments.Comment;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.pages.Menu;
import dateline.pages.Page;
import dateline.pages.PageDraft;
import dateline.storage.InvalidationLog;
import dateline.testing.Http;
import dateline.testing.TestSite;
import dateline.web.PageCache;
import dateline.web.PageTags;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The first request after each kind of change shows the change, while pages it does not touch stay kept. */
class CacheInvalidationTest {
    private TestSite site;
    private Http http;
    private ArticleService articles;
    private CommentService comments;
    private Account alice;
    private Account editor;
    private Section world;
    private Article bridge;

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        articles = site.wiring().articles();
        comments = site.wiring().comments();
        alice = site.anAuthor("Alice Moreau");
        editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        world = articles.openSection("World", "Reporting from everywhere.");
        bridge = site.articles().anArticle().headline("Harbour bridge reopens").by(alice).in(world.id())
                .tagged("Harbours").publishedAt(TestSite.START).article();
        site.clock().advance(Duration.ofHours(1));
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private static String how(HttpResponse<?> response) {
        return response.headers().firstValue(PageCache.STATUS_HEADER).orElse("none");
    }

    /** Reads each page twice, so that each is kept and the second read was a hit. */
    private void warm(String... paths) {
        for (String path : paths) {
            http.get(path);
            assertThat(how(http.get(path))).as(path).isEqualTo("hit");
        }
    }

    private Article save(String headline, Edit edit) {
        Article current = articles.full(bridge.id()).orElseThrow().article();
        var draft = site.articles().anArticle().headline(headline).slug(current.slug()).standfirst(current.standfirst())
                .body(current.bodySource()).by(alice).in(world.id()).tagged("Harbours").draft();
        return articles.save(current.id(), draft, current.version(), edit, alice);
    }

    @Nested
    class Articles {
        @Test
        void publishing_shows_on_the_front_page_its_section_tag_and_author_pages_and_feed() {
            warm("/", "/sections/world/", "/tags/harbours/", "/authors/alice-moreau/", "/feed/", bridge.path());
            site.articles().anArticle().headline("Ferry strike ends").by(alice).in(world.id()).tagged("Harbours")
                    .publishedAt(site.clock().instant());
            for (String path : new String[] {"/", "/sections/world/", "/tags/harbours/", "/authors/alice-moreau/", "/feed/"}) {
                assertThat(http.get(path).body()).as(path).contains("Ferry strike ends");
            }
            assertThat(how(http.get(bridge.path()))).isEqualTo("hit");
        }

        @Test
        void a_minor_edit_shows_on_the_article_and_on_every_list_that_shows_it() {
            warm(bridge.path(), "/", "/sections/world/");
            save("Harbour bridge reopens to traffic", Edit.minor());
            assertThat(http.get(bridge.path()).body()).contains("Harbour bridge reopens to traffic");
            assertThat(http.get("/").body()).contains("Harbour bridge reopens to traffic");
            assertThat(http.get("/sections/world/").body()).contains("Harbour bridge reopens to traffic");
        }

        @Test
        void a_significant_update_shows_its_note() {
            warm(bridge.path());
            save("Harbour bridge reopens", new Edit.SignificantUpdate("Adds traffic figures."));
            assertThat(http.get(bridge.path()).body()).contains("Adds traffic figures.");
        }

        @Test
        void a_retraction_shows_on_the_article_and_leaves_the_lists() {
            warm(bridge.path(), "/");
            articles.retract(bridge.id(), "The report was wrong.", editor);
            assertThat(http.get(bridge.path()).body()).contains("The report was wrong.");
            assertThat(http.get("/").body()).doesNotContain("Harbour bridge reopens");
        }

        @Test
        void pinning_puts_the_article_at_the_top_of_the_next_front_page_and_leaves_its_own_page_kept() {
            site.articles().anArticle().headline("Ferry strike ends").by(alice).in(world.id())
                    .publishedAt(site.clock().instant());
            warm("/", bridge.path(), "/sections/world/");
            assertThat(http.get("/").body()).doesNotContain("Pinned");

            articles.pin(bridge.id(), editor);
            String front = http.get("/").body();
            assertThat(front).contains("Pinned");
            assertThat(front.indexOf("Harbour bridge reopens")).isLessThan(front.indexOf("Ferry strike ends"));
            assertThat(how(http.get(bridge.path()))).isEqualTo("hit");
            assertThat(how(http.get("/sections/world/"))).isEqualTo("hit");

            warm("/");
            articles.unpin(bridge.id(), editor);
            front = http.get("/").body();
            assertThat(front).doesNotContain("Pinned");
            assertThat(front.indexOf("Ferry strike ends")).isLessThan(front.indexOf("Harbour bridge reopens"));
        }

        @Test
        void a_new_address_moves_readers_from_the_old_one() {
            warm(bridge.path(), "/");
            Article moved = articles.changeSlug(bridge.id(), "bridge-open-again");
            HttpResponse<String> old = http.get(bridge.path());
            assertThat(old.statusCode()).isEqualTo(301);
            assertThat(old.headers().firstValue("Location")).hasValue(moved.path());
            assertThat(http.get("/").body()).contains(moved.path()).doesNotContain(bridge.path());
        }
    }

    @Nested
    class Comments {
        @Test
        void an_approved_comment_shows_on_its_article_and_in_the_feeds_but_leaves_the_lists_kept() {
            warm(bridge.path(), "/", "/comments/feed/", bridge.path() + "feed/");
            comments.commentAsStaff(bridge.id(), "Traffic is flowing again.", editor);
            assertThat(http.get(bridge.path()).body()).contains("Traffic is flowing again.");
            assertThat(http.get("/comments/feed/").body()).contains("Traffic is flowing again.");
            assertThat(http.get(bridge.path() + "feed/").body()).contains("Traffic is flowing again.");
            assertThat(how(http.get("/"))).isEqualTo("hit");
        }

        @Test
        void an_imported_thread_shows_on_its_article_and_reaches_the_other_servers_as_one_change() {
            warm(bridge.path(), "/");
            InvalidationLog.Reader another = new InvalidationLog(site.wiring().database()).reader("another-node");
            another.startAtNewest();
            comments.importThread(new CommentService.ImportedThread(bridge.id(), List.of(
                    new CommentService.Imported(-1, "Ann", "ann@example.net", "", "Imported and approved.",
                            TestSite.START, CommentStatus.APPROVED),
                    new CommentService.Imported(0, "Bob", "bob@example.net", "", "An imported reply.",
                            TestSite.START, CommentStatus.APPROVED))));
            assertThat(http.get(bridge.path()).body()).contains("Imported and approved.").contains("An imported reply.");
            assertThat(how(http.get("/"))).isEqualTo("hit");
            List<InvalidationLog.Entry> told = another.read();
            assertThat(told).hasSize(1);
            assertThat(told.get(0).tags()).contains(PageTags.article(bridge.id()), PageTags.COMMENTS);
        }

        @Test
        void a_removed_comment_leaves_its_article() {
            Comment comment = comments.commentAsStaff(bridge.id(), "Traffic is flowing again.", editor);
            warm(bridge.path());
            comments.moderate(comment.id(), CommentService.Action.TRASH, null, editor);
            assertThat(http.get(bridge.path()).body()).doesNotContain("Traffic is flowing again.");
        }
    }

    @Nested
    class The_site {
        @Test
        void a_new_title_shows_on_every_page() {
            warm(bridge.path(), "/", "/sections/world/");
            site.wiring().site().save(site.wiring().site().settings().withTitle("The Harbour Times"));
            for (String path : new String[] {bridge.path(), "/", "/sections/world/"}) {
                assertThat(http.get(path).body()).as(path).contains("The Harbour Times");
            }
        }

        @Test
        void a_new_section_shows_in_every_pages_navigation() {
            warm(bridge.path(), "/");
            articles.openSection("Weather", "");
            assertThat(http.get(bridge.path()).body()).contains("/sections/weather/");
            assertThat(http.get("/").body()).contains("/sections/weather/");
        }
    }

    @Nested
    class Personal_views {
        @Test
        void a_signed_in_member_gets_a_fresh_private_page_while_readers_keep_the_shared_one() {
            warm(bridge.path());
            String session = "dateline_session=" + site.wiring().sessions().begin(editor, "test").token();
            HttpResponse<String> theirs = http.get(bridge.path(), "Cookie", session);
            assertThat(how(theirs)).isEqualTo("bypass");
            assertThat(theirs.headers().firstValue("Cache-Control")).hasValue("private, no-store");
            assertThat(how(http.get(bridge.path()))).isEqualTo("hit");
        }

        @Test
        void a_reader_whose_comment_waits_sees_it_while_others_get_the_kept_page_without_it() {
            HttpResponse<String> page = http.get(bridge.path());
            Matcher token = Pattern.compile("name=\"form_token\" id=\"form_token\" value=\"([^\"]*)\"").matcher(page.body());
            assertThat(token.find()).isTrue();
            site.clock().advance(Duration.ofSeconds(20));
            Map<String, String> form = new LinkedHashMap<>(Http.form("comment", "Is the cycle lane open?", "name",
                    "Ana Lima", "email", "ana@example.org", "website", "", "parent", ""));
            form.put("form_token", token.group(1));
            form.put("article", Long.toString(bridge.id()));
            HttpResponse<String> sent = http.post("/comments", form, "Origin", site.baseUrl());
            String own = "dateline_own_comments=" + cookie(sent, "dateline_own_comments");

            HttpResponse<String> theirs = http.get(bridge.path(), "Cookie", own);
            assertThat(how(theirs)).isEqualTo("bypass");
            assertThat(theirs.body()).contains("Is the cycle lane open?");
            HttpResponse<String> others = http.get(bridge.path());
            assertThat(how(others)).isEqualTo("hit");
            assertThat(others.body()).doesNotContain("Is the cycle lane open?", "Ana Lima", "ana@example.org");
            assertThat(others.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Nested
    class StandingPages {
        @Test
        void editing_a_page_shows_on_it_and_under_it_while_the_articles_stay_kept() {
            var pages = site.wiring().pages();
            Page about = pages.publish(pages.create(new PageDraft("About us", "about", null, BodyFormat.MARKDOWN,
                    "We report on the harbour.")).id());
            pages.publish(pages.create(new PageDraft("Our team", "team", about.id(), BodyFormat.MARKDOWN,
                    "Five reporters.")).id());
            warm("/about/", "/about/team/", bridge.path());

            pages.update(about.id(), new PageDraft("About the Courier", "about", null, BodyFormat.MARKDOWN,
                    "We report on the harbour and the city."));
            assertThat(http.get("/about/").body()).contains("the harbour and the city");
            assertThat(http.get("/about/team/").body()).contains("About the Courier");
            assertThat(how(http.get(bridge.path()))).isEqualTo("hit");
        }

        @Test
        void a_page_put_in_a_menu_shows_on_every_page() {
            var pages = site.wiring().pages();
            Page contact = pages.publish(pages.create(new PageDraft("Contact the newsroom", "contact", null,
                    BodyFormat.MARKDOWN, "Write to us.")).id());
            warm("/", bridge.path());

            pages.addPageToMenu(Menu.FOOTER, contact.id());
            assertThat(http.get("/").body()).contains("Contact the newsroom");
            assertThat(http.get(bridge.path()).body()).contains("Contact the newsroom");

            warm("/");
            pages.update(contact.id(), new PageDraft("Reach the newsroom", "contact", null, BodyFormat.MARKDOWN,
                    "Write to us."));
            assertThat(http.get("/").body()).contains("Reach the newsroom");
        }
    }
}
