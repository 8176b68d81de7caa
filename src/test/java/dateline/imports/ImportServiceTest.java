package dateline.imports;

import static dateline.imports.Exports.comment;
import static dateline.imports.Exports.page;
import static dateline.imports.Exports.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.articles.ArticleStatus;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Putting a WordPress export into a site: what readers then see, the old addresses, and importing again. */
class ImportServiceTest {
    private static final Path ANY_FILE = Path.of("export.xml");

    /** A small site: nested categories, tags, a published, a scheduled and a draft post, pages, threaded comments. */
    static Exports harbourGazette() {
        return Exports.gazette()
                .author(1, "alice", "alice@gazette.example.org", "Alice Moreau")
                .author(2, "bob", "bob@gazette.example.org", "Bob Quay")
                .category(3, "world", "World", "")
                .category(4, "europe", "Europe", "world")
                .tag(5, "ferries", "Ferries")
                .item(post(10, "Ferry strike ends after nine days")
                        .link("https://gazette.example.org/2024/06/01/ferry-strike-ends/").slug("ferry-strike-ends")
                        .excerpt("<p>Crossings resume on Monday.</p>").in("europe").tagged("ferries", "Ferries")
                        .content("<!-- wp:paragraph --><p>The strike is over. 🚢</p><!-- /wp:paragraph -->")
                        .with(comment(100, 0, "1", "Reader One", "one@readers.example", "Good news at last."))
                        .with(comment(102, 101, "1", "Reader Three", "three@readers.example", "An answer to the second."))
                        .with(comment(101, 100, "1", "Reader Two", "two@readers.example", "An answer to the first."))
                        .with(comment(103, 0, "0", "Waiting Reader", "wait@readers.example", "Still waiting."))
                        .with(comment(104, 0, "spam", "Spammer", "spam@readers.example", "Buy things."))
                        .with(new Wxr.Comment(105, "Pinger", "", "https://elsewhere.example", "", Exports.JUNE,
                                "Linked from elsewhere", "1", "pingback", 0, 0, List.of(), 120))
                        .build())
                .item(post(11, "Harbour festival programme").status("future").on(Instant.parse("2024-07-01T08:00:00Z"))
                        .in("world").build())
                .item(post(12, "Notes for the council story").status("draft").by("bob").in("world").build())
                .item(page(21, "Team").under(20).link("https://gazette.example.org/about/team/").build())
                .item(page(20, "About").link("https://gazette.example.org/about/").build());
    }

    @Test
    void an_imported_post_is_served_at_its_address_with_its_text_section_tags_and_approved_comments_only() {
        try (TestSite site = TestSite.serving()) {
            ImportReport report = site.wiring().imports().run(ANY_FILE, harbourGazette().reader(),
                    ImportOptions.plain(), ImportProgress.NONE);

            assertThat(report.line("articles")).isEqualTo(new ImportReport.Line("articles", 3, 0, 0));
            assertThat(report.line("accounts").created()).isEqualTo(2);
            assertThat(report.line("comments")).isEqualTo(new ImportReport.Line("comments", 5, 0, 1));
            HttpResponse<String> article = site.http().get("/2024/06/01/ferry-strike-ends/");
            assertThat(article.statusCode()).isEqualTo(200);
            assertThat(article.body()).contains("Ferry strike ends after nine days", "Crossings resume on Monday.",
                    "Europe", "Ferries", "Alice Moreau", "Good news at last.",
                    "An answer to the first.", "An answer to the second.")
                    .doesNotContain("wp:paragraph", "Still waiting.", "Buy things.", "Linked from elsewhere",
                            "one@readers.example", "two@readers.example");
            assertThat(org.jsoup.Jsoup.parse(article.body()).text()).contains("The strike is over. 🚢");
            assertThat(site.http().get("/comments/feed/").body()).doesNotContain("@readers.example");
        }
    }

    @Test
    void replies_keep_their_thread_whatever_the_order_of_the_file() {
        try (TestSite site = TestSite.services()) {
            site.wiring().imports().run(ANY_FILE, harbourGazette().reader(), ImportOptions.plain(), ImportProgress.NONE);

            long articleId = site.wiring().articles().publicBySlug("ferry-strike-ends").orElseThrow().article().id();
            var approved = site.wiring().comments().approvedOn(articleId);
            var first = approved.stream().filter(c -> c.authorName().equals("Reader One")).findFirst().orElseThrow();
            var second = approved.stream().filter(c -> c.authorName().equals("Reader Two")).findFirst().orElseThrow();
            var third = approved.stream().filter(c -> c.authorName().equals("Reader Three")).findFirst().orElseThrow();
            assertThat(second.parentId()).isEqualTo(first.id());
            assertThat(third.parentId()).isEqualTo(second.id());
            assertThat(third.depth()).isEqualTo(3);
        }
    }

    @Test
    void a_scheduled_post_is_not_public_and_drafts_wait_in_the_newsroom() {
        try (TestSite site = TestSite.serving()) {
            site.wiring().imports().run(ANY_FILE, harbourGazette().reader(), ImportOptions.plain(), ImportProgress.NONE);

            var counts = site.wiring().articles().counts(site.wiring().accounts().byEmail("alice@gazette.example.org")
                    .map(a -> new dateline.accounts.Account(a.id(), a.email(), a.name(), a.slug(),
                            dateline.accounts.Role.ADMINISTRATOR, a.bio(), a.createdAt())).orElseThrow());
            assertThat(counts).containsEntry(ArticleStatus.SCHEDULED, 1L).containsEntry(ArticleStatus.DRAFT, 1L)
                    .containsEntry(ArticleStatus.PUBLISHED, 1L);
            assertThat(site.http().get("/2024/07/01/harbour-festival-programme/").statusCode()).isEqualTo(404);
            assertThat(site.http().get("/").body()).doesNotContain("Harbour festival programme", "Notes for the council");
        }
    }

    @Test
    void pages_keep_their_parent_even_when_the_child_comes_first() {
        try (TestSite site = TestSite.serving()) {
            site.wiring().imports().run(ANY_FILE, harbourGazette().reader(), ImportOptions.plain(), ImportProgress.NONE);

            HttpResponse<String> team = site.http().get("/about/team/");
            assertThat(team.statusCode()).isEqualTo(200);
            assertThat(team.body()).contains("Team", "href=\"/about/\"");
        }
    }

    @Nested
    class Old_addresses {
        @Test
        void answer_with_a_permanent_redirect_to_the_new_ones() {
            try (TestSite site = TestSite.serving()) {
                Exports export = harbourGazette()
                        .item(post(13, "Quay repairs begin").link("https://gazette.example.org/news/quay-repairs/")
                                .in("world").build());
                site.wiring().imports().run(ANY_FILE, export.reader(), ImportOptions.plain(), ImportProgress.NONE);
                Http http = site.http();

                assertRedirect(http.get("/news/quay-repairs/"), "/2024/06/01/quay-repairs-begin/");
                assertRedirect(http.get("/news/quay-repairs"), "/2024/06/01/quay-repairs-begin/");
                assertRedirect(http.get("/?p=10"), "/2024/06/01/ferry-strike-ends/");
                assertRedirect(http.get("/index.php?p=13"), "/2024/06/01/quay-repairs-begin/");
                assertRedirect(http.get("/?page_id=21"), "/about/team/");
                assertRedirect(http.get("/category/world/europe/"), "/sections/europe/");
                assertRedirect(http.get("/?cat=3"), "/sections/world/");
                assertRedirect(http.get("/tag/ferries/"), "/tags/ferries/");
                assertThat(http.get("/?p=11").statusCode()).as("a scheduled post has no address yet").isEqualTo(200);
                assertThat(http.get("/category/nowhere/").statusCode()).isEqualTo(404);
            }
        }

        @Test
        void the_front_page_from_memory_never_answers_for_an_old_query() {
            try (TestSite site = TestSite.serving()) {
                site.wiring().imports().run(ANY_FILE, harbourGazette().reader(), ImportOptions.plain(), ImportProgress.NONE);
                site.http().get("/");
                site.http().get("/");

                assertRedirect(site.http().get("/?p=10"), "/2024/06/01/ferry-strike-ends/");
            }
        }

        private static void assertRedirect(HttpResponse<String> response, String to) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(301);
            assertThat(response.headers().firstValue("location")).as(response.uri().toString()).hasValue(to);
        }
    }

    @Nested
    class Importing_again {
        @Test
        void the_same_export_creates_nothing() {
            try (TestSite site = TestSite.services()) {
                ImportService imports = site.wiring().imports();
                ImportReport first = imports.run(ANY_FILE, harbourGazette().reader(), ImportOptions.plain(), ImportProgress.NONE);
                ImportReport second = imports.run(ANY_FILE, harbourGazette().reader(), ImportOptions.plain(), ImportProgress.NONE);

                assertThat(second.created()).isZero();
                assertThat(second.line("articles").matched()).isEqualTo(3);
                assertThat(second.line("comments").matched()).isEqualTo(first.line("comments").created());
                assertThat(second.line("pages").matched()).isEqualTo(2);
                assertThat(second.line("accounts").matched()).isEqualTo(2);
            }
        }

        @Test
        void a_newer_export_adds_only_the_new_post_and_the_new_reply() {
            try (TestSite site = TestSite.services()) {
                ImportService imports = site.wiring().imports();
                imports.run(ANY_FILE, harbourGazette().reader(), ImportOptions.plain(), ImportProgress.NONE);
                Exports newer = Exports.gazette()
                        .author(1, "alice", "alice@gazette.example.org", "Alice Moreau")
                        .category(3, "world", "World", "")
                        .item(post(10, "Ferry strike ends after nine days").slug("ferry-strike-ends").in("world")
                                .with(comment(100, 0, "1", "Reader One", "one@readers.example", "Good news at last."))
                                .with(comment(106, 100, "1", "Reader Four", "four@readers.example", "A late answer."))
                                .build())
                        .item(post(14, "Lighthouse reopens").in("world").build());

                ImportReport report = imports.run(ANY_FILE, newer.reader(), ImportOptions.plain(), ImportProgress.NONE);

                assertThat(report.line("articles")).isEqualTo(new ImportReport.Line("articles", 1, 1, 0));
                assertThat(report.line("comments")).isEqualTo(new ImportReport.Line("comments", 1, 1, 0));
                long articleId = site.wiring().articles().publicBySlug("ferry-strike-ends").orElseThrow().article().id();
                var late = site.wiring().comments().approvedOn(articleId).stream()
                        .filter(c -> c.authorName().equals("Reader Four")).findFirst().orElseThrow();
                var first = site.wiring().comments().approvedOn(articleId).stream()
                        .filter(c -> c.authorName().equals("Reader One")).findFirst().orElseThrow();
                assertThat(late.parentId()).isEqualTo(first.id());
                assertThat(site.wiring().articles().publicBySlug("ferry-strike-ends-2")).isEmpty();
            }
        }
    }

    @Test
    void a_dry_run_reports_what_it_would_create_and_writes_nothing() {
        try (TestSite site = TestSite.services()) {
            ImportReport report = site.wiring().imports().run(ANY_FILE, harbourGazette().reader(),
                    new ImportOptions(java.util.Optional.empty(), true), ImportProgress.NONE);

            assertThat(report.dryRun()).isTrue();
            assertThat(report.line("articles").created()).isEqualTo(3);
            assertThat(report.line("comments").created()).isEqualTo(5);
            assertThat(report.text()).contains("Dry run: nothing was written", "World › Europe became the section Europe");
            assertThat(site.wiring().accounts().count()).isZero();
            assertThat(site.wiring().articles().sections()).isEmpty();
            assertThat(site.wiring().pages().all()).isEmpty();
        }
    }

    @Test
    void a_file_the_reader_refuses_half_way_imports_nothing() {
        try (TestSite site = TestSite.services()) {
            Wxr.Reader good = harbourGazette().reader();
            Wxr.Reader broken = (file, handler) -> good.read(file, new Wxr.Handler() {
                private int items;

                @Override
                public void site(Wxr.Site s) {
                    handler.site(s);
                }

                @Override
                public void author(Wxr.Author a) {
                    handler.author(a);
                }

                @Override
                public void term(Wxr.Term t) {
                    handler.term(t);
                }

                @Override
                public void item(Wxr.Item item) {
                    if (++items == 3) throw new WxrException(412, "The file ends in the middle of an item.");
                    handler.item(item);
                }
            });

            assertThatThrownBy(() -> site.wiring().imports().run(ANY_FILE, broken, ImportOptions.plain(), ImportProgress.NONE))
                    .isInstanceOf(WxrException.class).hasMessageContaining("Line 412");
            assertThat(site.wiring().accounts().count()).isZero();
            assertThat(site.wiring().articles().sections()).isEmpty();
            assertThat(site.wiring().articles().countPublished()).isZero();
        }
    }

    @Test
    void a_post_too_long_to_keep_is_refused_with_its_line_before_anything_is_written() {
        try (TestSite site = TestSite.services()) {
            Exports export = harbourGazette().item(post(30, "The whole archive in one post")
                    .content("x".repeat(600_000)).build());

            assertThatThrownBy(() -> site.wiring().imports().run(ANY_FILE, export.reader(), ImportOptions.plain(),
                    ImportProgress.NONE))
                    .isInstanceOf(WxrException.class)
                    .hasMessageContaining("Line 70").hasMessageContaining("The whole archive in one post");
            assertThat(site.wiring().accounts().count()).isZero();
        }
    }

    @Test
    void duplicate_slugs_get_a_number_and_a_note() {
        try (TestSite site = TestSite.services()) {
            Exports export = harbourGazette().item(post(15, "Ferry strike ends, again").slug("ferry-strike-ends")
                    .in("world").build());

            ImportReport report = site.wiring().imports().run(ANY_FILE, export.reader(), ImportOptions.plain(),
                    ImportProgress.NONE);

            assertThat(site.wiring().articles().publicBySlug("ferry-strike-ends-2")).isPresent();
            assertThat(report.notes()).anyMatch(n -> n.contains("ferry-strike-ends-2"));
        }
    }

    @Test
    void authors_become_accounts_without_a_password_and_an_existing_address_is_matched() {
        try (TestSite site = TestSite.services()) {
            site.wiring().accounts().open(new dateline.accounts.NewAccount("bob@gazette.example.org", "Robert Quay",
                    dateline.accounts.Role.EDITOR, null));

            ImportReport report = site.wiring().imports().run(ANY_FILE, harbourGazette().reader(), ImportOptions.plain(),
                    ImportProgress.NONE);

            assertThat(report.line("accounts")).isEqualTo(new ImportReport.Line("accounts", 1, 1, 0));
            assertThat(site.wiring().accounts().count()).isEqualTo(2);
            assertThat(site.wiring().accounts().passwordMatches("alice@gazette.example.org", "")).isFalse();
            assertThat(report.text()).contains("Forgot your password?");
        }
    }

    @Test
    void the_site_keeps_serving_while_an_import_runs() throws Exception {
        try (TestSite site = TestSite.serving()) {
            site.anAuthor("Desk Editor");
            Exports big = Exports.gazette().author(1, "alice", "alice@gazette.example.org", "Alice Moreau")
                    .category(3, "world", "World", "");
            for (int i = 0; i < 1500; i++) big.item(post(1000 + i, "Archive story " + i).in("world").build());
            Thread importing = new Thread(() -> site.wiring().imports().run(ANY_FILE, big.reader(), ImportOptions.plain(),
                    ImportProgress.NONE));
            importing.start();
            int answered = 0;
            while (importing.isAlive()) {
                assertThat(site.http().get("/healthz").statusCode()).isEqualTo(200);
                assertThat(site.http().get("/").statusCode()).isEqualTo(200);
                answered++;
            }
            importing.join();
            assertThat(answered).isPositive();
            assertThat(site.wiring().articles().countPublished()).isEqualTo(1500);
        }
    }
}
