package dateline.comments;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.articles.Article;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A site behind a reverse proxy: with {@code forwarded-headers} on, a comment is recorded (and flood-limited) by the
 * reader's address the proxy names, not the proxy's own; with it off, a reader cannot choose the address recorded.
 */
class CommentsBehindAProxyTest {
    private static long postFrom(TestSite site, String forwardedFor) {
        Article article = site.articles().anArticle().by(site.anAuthor("Alice Moreau")).publishedAt(TestSite.START).article();
        Http http = site.http();
        String token = CommentForms.tokenOn(http, article.path());
        site.clock().advance(Duration.ofSeconds(20));
        HttpResponse<String> sent = http.post("/comments", Http.form("article", Long.toString(article.id()),
                "form_token", token, "comment", "The ferry timetable changed too.", "name", "Rui",
                "email", "rui@example.net", "website", "", "parent", ""),
                "Origin", site.baseUrl(), "X-Forwarded-For", forwardedFor);
        assertThat(sent.statusCode()).isEqualTo(303);
        return Long.parseLong(sent.headers().firstValue("location").orElseThrow().replaceAll(".*#comment-", ""));
    }

    @Test
    void with_forwarded_headers_a_comment_keeps_the_address_the_proxy_names() {
        try (TestSite site = TestSite.serving(Map.of("DATELINE_FORWARDED_HEADERS", "true"))) {
            long id = postFrom(site, "203.0.113.7");
            assertThat(site.wiring().comments().byId(id)).hasValueSatisfying(c ->
                    assertThat(c.clientAddress()).isEqualTo("203.0.113.7"));
        }
    }

    @Test
    void without_them_the_header_is_ignored() {
        try (TestSite site = TestSite.serving()) {
            long id = postFrom(site, "203.0.113.7");
            assertThat(site.wiring().comments().byId(id)).hasValueSatisfying(c ->
                    assertThat(c.clientAddress()).isEqualTo("127.0.0.1"));
        }
    }
}
