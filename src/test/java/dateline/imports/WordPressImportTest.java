package dateline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.articles.ArticleStatus;
import dateline.comments.CommentStatus;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Harbour Gazette's WordPress export (see the fixtures' README), imported and served as readers see it. */
class WordPressImportTest {
    private static final String SITE = "wordpress-site.xml";

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Imported_with_its_uploads {
        private TestSite site;
        private Http http;
        private ImportReport report;

        @BeforeAll
        void importTheGazette() {
            site = TestSite.serving();
            http = site.http();
            report = site.wiring().imports().run(Fixtures.file(SITE), new WxrReader(),
                    new ImportOptions(Optional.of(Fixtures.uploads()), false), ImportProgress.NONE);
        }

        @AfterAll
        void close() {
            site.close();
        }

        @Test
        void the_report_counts_each_kind_and_says_what_was_left_out_and_why() {
            assertThat(report.line("accounts").created()).isEqualTo(3);
            assertThat(report.line("sections").created()).isEqualTo(5);
            assertThat(report.line("tags").created()).isEqualTo(3);
            assertThat(report.line("articles")).isEqualTo(new ImportReport.Line("articles", 9, 0, 1));
            assertThat(report.line("pages").created()).isEqualTo(3);
            assertThat(report.line("media").created()).isEqualTo(3);
            assertThat(report.line("comments")).isEqualTo(new ImportReport.Line("comments", 9, 0, 1));
            assertThat(report.text()).contains(
                    "World › Europe › France became the section France",
                    "“Road closed on Quay Street”", "trash",
                    "The private post “Staff rota for March” is a draft now",
                    "password-protected post “Subscribers’ briefing”",
                    "market-day-2",
                    "Pingbacks and trackbacks were left out",
                    "answers comment 999, which is not in the export",
                    "nav_menu", "Forgot your password?");
        }

        @Test
        void the_sticky_post_is_pinned_to_the_front_page_and_shown_first_with_its_label() {
            var pinned = site.wiring().articles().pinned();
            assertThat(pinned).extracting(a -> a.headline()).containsExactly("Harbour reopens after the storm");
            assertThat(pinned.get(0).pinnedAt()).isEqualTo(pinned.get(0).publishedAt());
            assertThat(report.text()).doesNotContain("sticky");
            Document front = Jsoup.parse(http.get("/").body());
            var first = front.selectFirst("ol.cards > li");
            assertThat(first.hasClass("pinned")).isTrue();
            assertThat(first.select(".pinned-label").text()).isEqualTo("Pinned");
            assertThat(first.select(".card-headline").text()).isEqualTo("Harbour reopens after the storm");
        }

        @Test
        void a_post_shows_its_text_as_html_with_its_figure_and_no_block_comments() {
            HttpResponse<String> page = http.get("/2024/01/15/harbour-reopens/");
            assertThat(page.statusCode()).isEqualTo(200);
            Document doc = Jsoup.parse(page.body());
            assertThat(doc.select("h1").text()).contains("Harbour reopens after the storm");
            assertThat(doc.text()).contains("Three days after the storm, boats are back.", "Two pontoons",
                    "we could not have done it without them", "Local news", "Harbour", "Alice Martin");
            assertThat(doc.select("figure figcaption").text()).contains("The harbour wall on Friday night");
            assertThat(page.body()).doesNotContain("wp:paragraph", "wp-content/uploads/2024/01/harbour-storm.jpg");
            assertThat(doc.select("article img[src^=/media/]")).isNotEmpty();
        }

        @Test
        void unicode_and_emoji_come_through_and_the_old_encoded_address_leads_to_the_new_one() {
            HttpResponse<String> moved = http.get("/2024/02/10/elections-europeennes/");
            assertThat(moved.statusCode()).isEqualTo(200);
            Document doc = Jsoup.parse(moved.body());
            assertThat(doc.select("h1").text()).isEqualTo("Élections européennes : ce qu’il faut savoir 🇪🇺");
            assertThat(doc.text()).contains("France", "Fête");
            assertThat(doc.select("figure figcaption")).isNotEmpty();
        }

        @Test
        void only_approved_comments_are_public_threaded_four_deep_and_no_commenter_email_shows_anywhere() {
            Document doc = Jsoup.parse(http.get("/2024/01/15/harbour-reopens/").body());
            assertThat(doc.text()).contains("Marie Lefèvre", "Zoë 🌊 Haddad", "Orphan Reply")
                    .doesNotContain("Tom Reed", "Cheap Watches", "Old Salt", "Coastal Weekly");
            long articleId = site.wiring().articles().publicBySlug("harbour-reopens").orElseThrow().article().id();
            var approved = site.wiring().comments().approvedOn(articleId);
            assertThat(approved).extracting(c -> c.depth()).contains(1, 2, 3, 4);
            var counts = site.wiring().comments().counts();
            assertThat(counts.get(CommentStatus.PENDING)).isEqualTo(1);
            assertThat(counts.get(CommentStatus.SPAM)).isEqualTo(1);
            assertThat(counts.get(CommentStatus.TRASH)).isEqualTo(1);
            for (String address : List.of("/2024/01/15/harbour-reopens/", "/", "/comments/feed/", "/feed/",
                    "/2024/01/15/harbour-reopens/feed/", "/sections/local/")) {
                assertThat(http.get(address).body()).as(address).doesNotContain("mail.example", "spam.example");
            }
        }

        @Test
        void drafts_pending_and_scheduled_posts_are_not_public() {
            assertThat(http.get("/?p=103").statusCode()).isEqualTo(200); // the front page: a draft has no address
            assertThat(http.get("/2030/06/01/regatta-preview/").statusCode()).isEqualTo(404);
            var statuses = site.wiring().articles().summaries(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L)).stream()
                    .map(s -> s.status()).toList();
            assertThat(statuses).contains(ArticleStatus.DRAFT, ArticleStatus.PENDING, ArticleStatus.SCHEDULED,
                    ArticleStatus.PUBLISHED);
        }

        @Test
        void pages_live_under_their_parent_with_breadcrumbs() {
            Document team = Jsoup.parse(http.get("/about/team/").body());
            assertThat(team.select("h1").text()).isEqualTo("Team");
            assertThat(team.select("a[href=/about/]")).isNotEmpty();
        }

        @ParameterizedTest
        @CsvSource({
                "/?p=101, /2024/01/15/harbour-reopens/",
                "/2024/06/01/market-day/, /2024/06/01/market-day-2/",
                "/?page_id=121, /about/team/",
                "/category/world/europe/france/, /sections/france/",
                "/tag/f%c3%aate/, /tags/fete/",
        })
        void old_addresses_answer_with_a_permanent_redirect(String from, String to) {
            HttpResponse<String> response = http.get(from);
            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(response.headers().firstValue("location")).hasValue(to);
        }

        @Test
        void an_attachment_address_leads_to_its_media_file() {
            HttpResponse<String> response = http.get("/?attachment_id=301");
            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(response.headers().firstValue("location").orElseThrow()).startsWith("/media/");
        }

        @Test
        void importing_the_same_file_again_creates_nothing() {
            ImportReport again = site.wiring().imports().run(Fixtures.file(SITE), new WxrReader(),
                    new ImportOptions(Optional.of(Fixtures.uploads()), false), ImportProgress.NONE);

            assertThat(again.created()).isZero();
            assertThat(again.line("articles").matched()).isEqualTo(9);
            assertThat(again.line("comments").matched()).isEqualTo(9);
            assertThat(again.line("media").matched()).isEqualTo(3);
        }
    }

    @Test
    void without_uploads_attachments_keep_their_old_addresses_and_the_report_says_so() {
        try (TestSite site = TestSite.services()) {
            ImportReport report = site.wiring().imports().run(Fixtures.file(SITE), new WxrReader(),
                    ImportOptions.plain(), ImportProgress.NONE);

            assertThat(report.line("media")).isEqualTo(new ImportReport.Line("media", 0, 0, 3));
            assertThat(report.text()).contains("3 attachments were not brought in");
            var article = site.wiring().articles().publicBySlug("harbour-reopens").orElseThrow().article();
            assertThat(article.bodyHtml()).contains("https://gazette.example.org/wp-content/uploads/2024/01/harbour-storm.jpg");
        }
    }

    @Test
    void a_wxr_1_1_export_imports_too() {
        try (TestSite site = TestSite.services()) {
            ImportReport report = site.wiring().imports().run(Fixtures.file("wordpress-1.1.xml"), new WxrReader(),
                    ImportOptions.plain(), ImportProgress.NONE);

            assertThat(report.line("articles").created()).isEqualTo(1);
            assertThat(report.line("pages").created()).isEqualTo(1);
            assertThat(report.line("comments").created()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource({"malformed.xml, not well-formed", "truncated.xml, truncated", "unknown-version.xml, 2.0",
            "bad-date.xml, 2024-13-45"})
    void a_broken_file_imports_nothing_and_the_message_names_the_line(String file, String says) {
        try (TestSite site = TestSite.services()) {
            assertThatThrownBy(() -> site.wiring().imports().run(Fixtures.file(file), new WxrReader(),
                    ImportOptions.plain(), ImportProgress.NONE))
                    .isInstanceOf(WxrException.class)
                    .hasMessageStartingWith("Line ")
                    .hasMessageContaining(says);
            assertThat(site.wiring().accounts().count()).isZero();
            assertThat(site.wiring().articles().sections()).isEmpty();
            assertThat(site.wiring().articles().tags()).isEmpty();
        }
    }
}
