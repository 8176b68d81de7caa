package dateline.search;

import static dateline.testing.Pages.all;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Section;
import dateline.testing.TestSite;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public search page through the served site, and the newsroom's list when it searches. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRoutesTest {
    private TestSite site;
    private Account alice;
    private Account bob;
    private Section world;

    @BeforeAll
    void openSite() {
        site = TestSite.serving();
        alice = site.anAuthor("Alice Adeyemi");
        bob = site.wiring().accounts().open(new NewAccount("bob@example.org", "Bob Brennan", Role.CONTRIBUTOR, null));
        world = site.wiring().articles().openSection("World", "");
        Instant t = Instant.parse("2024-06-01T10:00:00Z");
        for (int i = 1; i <= 25; i++) {
            site.articles().anArticle().headline("Harbour report number " + i).in(world.id()).by(alice)
                    .publishedAt(t.plusSeconds(i * 3600L));
        }
        site.articles().anArticle().headline("<script>alert(1)</script> Lighthouse & keepers").by(alice)
                .publishedAt(t);
        site.articles().anArticle().headline("Lighthouse draft by Bob").by(bob).written();
    }

    @AfterAll
    void closeSite() {
        site.close();
    }

    private HttpResponse<String> search(String query) {
        return site.http().get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"\"\"", "*", "^", "NEAR(", "harbour:", "headline:harbour", "(((", ")", "AND OR NOT",
            "-", "--", "-harbour", "🗞️🔥", "the of and", "harbour\"", "'; DROP TABLE articles; --", "\uE000", "%", "\\",
            "<script>alert(1)</script>", "harbour NEAR/3 report", "{headline}: x"})
    void every_hostile_query_gets_the_page_never_an_error(String query) {
        HttpResponse<String> page = search(query);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 class=\"page-heading\">Search</h1>").doesNotContain("<script>alert");
    }

    @Test
    void a_very_long_query_is_answered_with_a_reason() {
        HttpResponse<String> longer = search("harbour ".repeat(250));
        assertThat(longer.statusCode()).isEqualTo(200);
        assertThat(longer.body()).contains("under 200 characters");
        // Ten thousand characters make an address longer than the server reads: it says so itself.
        assertThat(search("harbour ".repeat(1250)).statusCode()).isEqualTo(414);
    }

    @Test
    void a_query_that_cannot_be_searched_says_why_and_offers_the_latest_articles() {
        String body = search("-harbour").body();

        assertThat(body).contains("as well as what to leave out").contains("The latest articles");
        assertThat(search("x".repeat(300)).body()).contains("under 200 characters");
    }

    @Test
    void the_page_asks_search_engines_not_to_index_it() {
        assertThat(search("harbour").body()).contains("<meta name=\"robots\" content=\"noindex\">");
        assertThat(site.http().get("/search").body()).contains("<meta name=\"robots\" content=\"noindex\">");
    }

    @Test
    void results_are_highlighted_and_markup_in_a_headline_stays_text() {
        String body = search("lighthouse").body();

        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Lighthouse</mark> &amp; keepers");
        assertThat(body).contains("One article matches lighthouse");
        assertThat(body).doesNotContain("Lighthouse draft by Bob");
    }

    @Test
    void pages_of_results_link_to_each_other() {
        HttpResponse<String> first = search("harbour");
        assertThat(first.body()).contains("25 articles match harbour").contains("Page 1 of 3");
        String next = all(first.body(), "class=\"paging-older\" rel=\"next\" href=\"([^\"]+)\"").get(0).replace("&amp;", "&");
        assertThat(next).isEqualTo("/search?q=harbour&page=2");

        String second = site.http().get(next).body();
        assertThat(second).contains("Page 2 of 3").contains("rel=\"prev\" href=\"/search?q=harbour\"");
        assertThat(all(second, "<h2 class=\"card-headline\"><a href=\"([^\"]+)\""))
                .hasSize(10).doesNotContainAnyElementsOf(all(first.body(), "<h2 class=\"card-headline\"><a href=\"([^\"]+)\""));
        assertThat(site.http().get("/search?q=harbour&page=3").body()).doesNotContain("rel=\"next\"");
        assertThat(site.http().get("/search?q=harbour&page=abc").statusCode()).isEqualTo(200);
        assertThat(site.http().get("/search?q=harbour&page=99999999999").statusCode()).isEqualTo(200);
    }

    @Test
    void nothing_found_offers_to_drop_each_filter() {
        String body = site.http().get("/search?q=harbour+zebra&section=world&author=alice-adeyemi&from=2024-01-01").body();

        assertThat(body).contains("No articles match harbour zebra.").contains("Check the spelling");
        assertThat(body.replace("&amp;", "&"))
                .contains("href=\"/search?q=harbour+zebra&author=alice-adeyemi&from=2024-01-01\"")
                .contains("href=\"/search?q=harbour+zebra&section=world&from=2024-01-01\"")
                .contains("href=\"/search?q=harbour+zebra&section=world&author=alice-adeyemi\"")
                .contains("href=\"/search?q=harbour+zebra\"");
        assertThat(body).contains("The latest articles");
    }

    @Test
    void filters_that_name_nothing_are_set_aside_with_a_notice() {
        HttpResponse<String> page = site.http().get("/search?q=harbour&section=nowhere&author=nobody&from=yesterday&to=2024-13-45");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("There is no section “nowhere”").contains("Nobody called “nobody”")
                .contains("“yesterday” is not a date").contains("25 articles match harbour");
    }

    @Test
    void every_page_of_the_site_has_a_search_box() {
        assertThat(site.http().get("/").body()).contains("<form class=\"site-search\" method=\"get\" action=\"/search\"");
    }

    @Test
    void the_newsroom_list_searches_what_its_reader_may_see() {
        var editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Editor", Role.EDITOR, null));
        String editorCookie = "dateline_session=" + site.wiring().sessions().begin(editor, "test").token();
        String bobCookie = "dateline_session=" + site.wiring().sessions().begin(bob, "test").token();
        String aliceCookie = "dateline_session=" + site.wiring().sessions().begin(alice, "test").token();

        assertThat(site.http().get("/admin/articles?q=lighthouse", "Cookie", editorCookie).body())
                .contains("Lighthouse draft by Bob").contains("Lighthouse &amp; keepers");
        assertThat(site.http().get("/admin/articles?q=lighthouse", "Cookie", bobCookie).body())
                .contains("Lighthouse draft by Bob").doesNotContain("keepers");
        assertThat(site.http().get("/admin/articles?q=lighthouse", "Cookie", aliceCookie).body())
                .doesNotContain("Lighthouse draft by Bob").contains("keepers");
        assertThat(site.http().get("/admin/articles?q=lighthouse&status=draft", "Cookie", editorCookie).body())
                .contains("Lighthouse draft by Bob").doesNotContain("keepers");
        HttpResponse<String> refused = site.http().get("/admin/articles?q=%22%22%22*", "Cookie", editorCookie);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("punctuation and symbols");
        String paged = site.http().get("/admin/articles?q=harbour", "Cookie", editorCookie).body();
        assertThat(all(paged, "<td><a href=\"(/admin/articles/\\d+)\"")).hasSize(25);
    }
}
