package dateline.articles;

import static dateline.testing.Pages.all;
import static dateline.testing.Pages.first;
import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.accounts.Account;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArticleRoutesTest {
    private static final Instant T = Instant.parse("2024-06-20T07:38:00Z");

    private TestSite site;
    private Http http;
    private ArticleService service;
    private Account alice;
    private Section world;

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        service = site.wiring().articles();
        site.wiring().site().save(site.wiring().site().settings().withTitle("The Harbour Times")
                .withTimezone(ZoneId.of("Europe/Berlin")));
        alice = site.anAuthor("Alice Moreau");
        world = service.openSection("World", "Reporting from everywhere.");
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private FullArticle anArticle() {
        return site.articles().anArticle().headline("Harbour bridge reopens").by(alice).in(world.id())
                .tagged("Infrastructure").datelinePlace("LISBON").publishedAt(T);
    }

    @Nested
    class The_article_page {
        @Test
        void lives_at_its_dated_permalink_with_headline_bylines_and_dates_between_headline_and_body() {
            anArticle();
            HttpResponse<String> page = http.get("/2024/06/20/harbour-bridge-reopens/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(header(page, "content-type")).startsWith("text/html");
            String html = page.body();
            assertThat(all(html, "<h1[^>]*>(.*?)</h1>")).containsExactly("Harbour bridge reopens");
            assertThat(html).contains("<a rel=\"author\" href=\"/authors/alice-moreau/\">Alice Moreau</a>");
            assertThat(html).contains("Published <time datetime=\"2024-06-20T09:38:00+02:00\">June 20, 2024 9:38 am</time>");
            assertThat(html).doesNotContain("Last Updated");
            int headline = html.indexOf("<h1"), dates = html.indexOf("<time"), body = html.indexOf("article-body");
            assertThat(headline).isLessThan(dates);
            assertThat(dates).isLessThan(body);
            assertThat(html).contains("LISBON", "href=\"/sections/world/\"", "href=\"/tags/infrastructure/\"");
        }

        @Test
        void shows_last_updated_only_after_a_significant_update() {
            FullArticle a = anArticle();
            service.recordUpdate(a.article().id(), new ArticleUpdate(UpdateKind.UPDATE, "Adds traffic figures.",
                    Instant.parse("2024-06-21T08:05:00Z")));
            String html = http.get(a.article().path()).body();
            assertThat(html).contains("Last Updated on <time datetime=\"2024-06-21T10:05:00+02:00\">June 21, 2024 10:05 am</time>");
            assertThat(html).contains("Adds traffic figures.");
        }

        @Test
        void structured_data_carries_every_author_and_the_visible_dates() throws IOException {
            Account bruno = site.anAuthor("Bruno Keller");
            FullArticle a = site.articles().anArticle().headline("Two bylines").by(alice, bruno).publishedAt(T);
            service.recordUpdate(a.article().id(), new ArticleUpdate(UpdateKind.CORRECTION, "Fixes a date.",
                    T.plus(Duration.ofHours(2))));
            String html = http.get(a.article().path()).body();
            JsonNode json = new ObjectMapper().readTree(first(html, "<script type=\"application/ld\\+json\">(.*?)</script>"));
            assertThat(json.get("@type").asText()).isEqualTo("NewsArticle");
            assertThat(json.get("headline").asText()).isEqualTo("Two bylines");
            assertThat(json.get("author")).extracting(n -> n.get("name").asText()).containsExactly("Alice Moreau", "Bruno Keller");
            var times = all(html, "<time datetime=\"([^\"]+)\"");
            assertThat(json.get("datePublished").asText()).isEqualTo(times.get(0)).isEqualTo("2024-06-20T09:38:00+02:00");
            assertThat(json.get("dateModified").asText()).isEqualTo(times.get(1)).isEqualTo("2024-06-20T11:38:00+02:00");
            assertThat(json.get("correction").get(0).get("@type").asText()).isEqualTo("CorrectionComment");
        }

        @Test
        void carries_title_description_canonical_and_social_cards() {
            FullArticle a = anArticle();
            String html = http.get(a.article().path()).body();
            String canonical = site.baseUrl() + "/2024/06/20/harbour-bridge-reopens/";
            assertThat(html).contains("<title>Harbour bridge reopens – The Harbour Times</title>",
                    "<link rel=\"canonical\" href=\"" + canonical + "\">",
                    "<meta name=\"description\" content=\"Commuters welcomed the end of long detours.\">",
                    "<meta property=\"og:type\" content=\"article\">",
                    "<meta property=\"og:url\" content=\"" + canonical + "\">",
                    "<meta property=\"article:published_time\" content=\"2024-06-20T09:38:00+02:00\">",
                    "<meta name=\"twitter:card\" content=\"summary\">");
        }

        @Test
        void names_its_type_when_it_is_not_plain_news() {
            site.articles().anArticle().headline("Why the bridge took so long").type(ArticleType.ANALYSIS).by(alice).publishedAt(T);
            assertThat(http.get("/2024/06/20/why-the-bridge-took-so-long/").body()).contains("<span class=\"type-label\">Analysis</span>");
            assertThat(http.get(anArticle().article().path()).body()).doesNotContain("type-label");
        }

        @Test
        void text_a_writer_typed_is_escaped_in_the_headline_and_sanitized_in_the_body() {
            FullArticle a = site.articles().anArticle().headline("<script>alert('h')</script> Tricky")
                    .body("<img src=x onerror=alert(1)> body").by(alice).publishedAt(T);
            String html = http.get(a.article().path()).body();
            assertThat(html).contains("&lt;script&gt;alert(").doesNotContain("<script>alert", "onerror");
        }
    }

    @Nested
    class Addresses {
        @Test
        void the_address_without_its_trailing_slash_moves_permanently_to_it() {
            anArticle();
            HttpResponse<String> response = http.get("/2024/06/20/harbour-bridge-reopens?utm_source=x");
            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(header(response, "location")).isEqualTo("/2024/06/20/harbour-bridge-reopens/?utm_source=x");
        }

        @Test
        void after_a_slug_change_the_old_address_redirects_permanently() {
            FullArticle a = anArticle();
            service.changeSlug(a.article().id(), "bridge-open-again");
            HttpResponse<String> response = http.get("/2024/06/20/harbour-bridge-reopens/");
            assertThat(response.statusCode()).isEqualTo(301);
            assertThat(header(response, "location")).isEqualTo("/2024/06/20/bridge-open-again/");
            assertThat(http.get("/2024/06/20/bridge-open-again/").statusCode()).isEqualTo(200);
        }

        @Test
        void an_unknown_address_gets_a_helpful_404_page() {
            anArticle();
            HttpResponse<String> response = http.get("/no/such/page");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("We can’t find that page", "href=\"/\"", "Harbour bridge reopens",
                    "href=\"/sections/world/\"", "<meta name=\"robots\" content=\"noindex\">");
            assertThat(http.get("/2024/06/20/never-published/").statusCode()).isEqualTo(404);
            assertThat(http.get("/abcd/06/20/harbour-bridge-reopens/").statusCode()).isEqualTo(404);
            assertThat(http.get("/sections/nowhere/").statusCode()).isEqualTo(404);
            assertThat(http.get("/tags/nothing/").statusCode()).isEqualTo(404);
            assertThat(http.get("/authors/nobody/").statusCode()).isEqualTo(404);
        }

        @Test
        void a_draft_has_no_page() {
            site.articles().anArticle().headline("Secret draft").by(alice).written();
            assertThat(http.get("/2024/06/20/secret-draft/").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Conditional_requests {
        @Test
        void a_matching_etag_gets_304_without_a_body() {
            FullArticle a = anArticle();
            HttpResponse<String> first = http.get(a.article().path());
            String etag = header(first, "etag");
            assertThat(etag).startsWith("W/\"");
            assertThat(header(first, "last-modified")).isEqualTo("Thu, 20 Jun 2024 07:38:00 GMT");
            HttpResponse<String> again = http.get(a.article().path(), "If-None-Match", etag);
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
            assertThat(header(again, "etag")).isEqualTo(etag);
        }

        @Test
        void if_modified_since_gets_304_until_the_article_changes_in_substance() {
            FullArticle a = anArticle();
            String since = "Thu, 20 Jun 2024 07:38:00 GMT";
            assertThat(http.get(a.article().path(), "If-Modified-Since", since).statusCode()).isEqualTo(304);
            service.recordUpdate(a.article().id(), new ArticleUpdate(UpdateKind.UPDATE, "New figures.", T.plusSeconds(600)));
            HttpResponse<String> updated = http.get(a.article().path(), "If-Modified-Since", since);
            assertThat(updated.statusCode()).isEqualTo(200);
            assertThat(header(updated, "last-modified")).isEqualTo("Thu, 20 Jun 2024 07:48:00 GMT");
        }

        @Test
        void a_stale_etag_gets_the_new_page() {
            FullArticle a = anArticle();
            String etag = header(http.get(a.article().path()), "etag");
            service.changeSlug(a.article().id(), "bridge-open-again");
            HttpResponse<String> moved = http.get("/2024/06/20/bridge-open-again/", "If-None-Match", etag);
            assertThat(moved.statusCode()).isEqualTo(200);
        }

        @Test
        void lists_are_revalidated_too() {
            anArticle();
            String etag = header(http.get("/"), "etag");
            assertThat(http.get("/", "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(http.get("/sections/world/", "If-None-Match", etag).statusCode()).isEqualTo(200);
            site.articles().anArticle().headline("Newer story").by(alice).publishedAt(T.plusSeconds(60));
            assertThat(http.get("/", "If-None-Match", etag).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Lists {
        @Test
        void the_front_page_shows_the_newest_articles_and_pages_back_by_keyset() {
            for (int i = 0; i < 13; i++) {
                site.articles().anArticle().headline("Story number " + i).by(alice).publishedAt(T.plusSeconds(60L * i));
            }
            String front = http.get("/").body();
            assertThat(all(front, "<h2 class=\"card-headline\"><a href=\"[^\"]+\">([^<]+)</a>")).hasSize(10)
                    .startsWith("Story number 12");
            String older = first(front, "<a class=\"paging-older\" rel=\"next\" href=\"([^\"]+)\"").replace("&amp;", "&");
            assertThat(older).matches("/\\?before=\\d+-\\d+");
            String second = http.get(older).body();
            assertThat(all(second, "<h2 class=\"card-headline\"><a href=\"[^\"]+\">([^<]+)</a>"))
                    .containsExactly("Story number 2", "Story number 1", "Story number 0");
            assertThat(first(second, "<a class=\"paging-newer\" rel=\"prev\" href=\"([^\"]+)\"")).isEqualTo("/");
            assertThat(second).contains("<link rel=\"canonical\" href=\"" + site.baseUrl() + older + "\">");
        }

        @Test
        void a_page_past_the_end_or_a_malformed_cursor_is_not_found() {
            anArticle();
            assertThat(http.get("/?before=1-1").statusCode()).isEqualTo(404);
            assertThat(http.get("/?before=yesterday").statusCode()).isEqualTo(404);
        }

        @Test
        void section_tag_and_author_pages_list_their_articles() {
            anArticle();
            for (String path : new String[] {"/sections/world/", "/tags/infrastructure/", "/authors/alice-moreau/"}) {
                HttpResponse<String> page = http.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.body()).as(path).contains("Harbour bridge reopens");
            }
            assertThat(http.get("/sections/world/").body()).contains("<h1 class=\"page-heading\">World</h1>",
                    "Reporting from everywhere.", "aria-current=\"page\"");
        }
    }

    @Nested
    class Http_behaviour {
        @Test
        void pages_are_compressed_for_clients_that_accept_gzip() throws IOException {
            FullArticle a = anArticle();
            HttpResponse<byte[]> response = http.getBytes(a.article().path(), "Accept-Encoding", "gzip");
            assertThat(header(response, "content-encoding")).isEqualTo("gzip");
            String html = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(html).contains("Harbour bridge reopens");
        }

        @Test
        void every_response_carries_the_security_headers() {
            for (String path : new String[] {"/", "/no/such/page", "/healthz"}) {
                HttpResponse<String> response = http.get(path);
                assertThat(header(response, "content-security-policy")).as(path).contains("script-src 'self'")
                        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
                assertThat(header(response, "x-content-type-options")).isEqualTo("nosniff");
                assertThat(header(response, "referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
                assertThat(header(response, "server")).isNull();
            }
        }

        @Test
        void the_liveness_check_says_the_process_answers() {
            HttpResponse<String> response = http.get("/healthz");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "content-type")).startsWith("application/json");
            assertThat(header(response, "cache-control")).isEqualTo("no-store");
            assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        }

        @Test
        void head_requests_answer_like_get_without_a_body() {
            FullArticle a = anArticle();
            HttpResponse<String> response = http.head(a.article().path());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
            assertThat(header(response, "etag")).isNotNull();
        }

        @Test
        void a_failure_on_our_side_shows_a_page_without_a_stack_trace() {
            anArticle();
            site.wiring().database().close();
            HttpResponse<String> response = http.get("/");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("Something went wrong on our side")
                    .doesNotContain("Exception", "at dateline.", "Hikari", "SQL");
            assertThat(http.get("/healthz").statusCode()).as("alive: restarting would not help").isEqualTo(200);
            assertThat(http.get("/readyz").statusCode()).as("not to be sent requests").isEqualTo(503);
        }

        @Test
        void static_assets_are_fingerprinted_and_kept_for_a_year() {
            String css = first(http.get("/").body(), "<link rel=\"stylesheet\" href=\"([^\"]+)\"");
            assertThat(css).matches("/assets/site\\.[A-Za-z0-9]{10}\\.css");
            HttpResponse<String> response = http.get(css);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(header(response, "cache-control")).isEqualTo("public, max-age=31536000, immutable");
            assertThat(header(response, "content-type")).startsWith("text/css");
        }
    }
}
