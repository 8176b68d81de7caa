package dateline.comments;

import static dateline.testing.Pages.cookie;
import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The spam defence as readers and machines meet it: the form's hidden parts, the answers, and bad input. */
class SpamDefenceRoutesTest {
    private TestSite site;
    private Http http;
    private Article article;
    private Account editor;

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        Account author = site.anAuthor("Alice Moreau");
        editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        article = site.articles().anArticle().by(author).publishedAt(TestSite.START).article();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private static Map<String, String> comment(String text, String name, String email) {
        return new LinkedHashMap<>(Http.form("article", "", "comment", text, "name", name, "email", email, "website", "",
                "parent", ""));
    }

    /** The form as a reader fills it in on the article page they loaded, with that page's token. */
    private Map<String, String> fromThePage(String text, String name, String email) {
        Map<String, String> form = comment(text, name, email);
        form.put("form_token", CommentForms.tokenOn(http, article.path()));
        return form;
    }

    /** Sends the form as it is, from a page of this site, after the given time; the article is filled in. */
    private HttpResponse<String> send(Map<String, String> form, int afterSeconds) {
        site.clock().advance(Duration.ofSeconds(afterSeconds));
        form.put("article", Long.toString(article.id()));
        return http.post("/comments", form, "Origin", site.baseUrl());
    }

    private Comment stored(HttpResponse<String> posted) {
        String location = header(posted, "location");
        long id = Long.parseLong(location.substring(location.lastIndexOf("#comment-") + "#comment-".length()));
        return site.wiring().comments().byId(id).orElseThrow();
    }

    @Nested
    class The_form {
        @Test
        void carries_a_field_people_never_reach_and_the_pages_token() {
            String page = http.get(article.path()).body();
            assertThat(page).contains("<div class=\"comment-form-homepage\" aria-hidden=\"true\">",
                    "<input id=\"homepage\" name=\"homepage\" type=\"text\" value=\"\" size=\"30\" tabindex=\"-1\" autocomplete=\"off\">");
            String token = CommentForms.tokenIn(page);
            assertThat(token).startsWith(TestSite.START.getEpochSecond() + ".");
            String stylesheet = dateline.testing.Pages.first(page, "<link rel=\"stylesheet\" href=\"([^\"]+)\"");
            assertThat(http.get(stylesheet).body()).contains(".comment-form > .comment-form-homepage { display: none; }");
        }

        @Test
        void a_fresh_token_is_given_to_the_pages_script_and_never_cached() {
            HttpResponse<String> fresh = http.get("/comments/token?article=" + article.id());
            assertThat(fresh.statusCode()).isEqualTo(200);
            assertThat(header(fresh, "cache-control")).isEqualTo("no-store");
            assertThat(fresh.body()).matches("\\d+\\.[A-Za-z0-9_-]{22}");
            assertThat(http.get("/comments/token?article=999999").statusCode()).isEqualTo(404);
            assertThat(http.get("/comments/token?article=x").statusCode()).isEqualTo(404);
            assertThat(http.get("/comments/token").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_caught_reader_gets_the_same_answer_as_one_whose_comment_waits() {
        HttpResponse<String> held = send(fromThePage("The detour added forty minutes to my commute.", "Ana Lima",
                "ana@example.net"), 30);
        Map<String, String> machine = fromThePage("The detour added forty minutes to my commute, too.", "Bot",
                "bot@example.net");
        machine.put("homepage", "https://seo.example");
        HttpResponse<String> caught = send(machine, 30);

        assertThat(stored(held).status()).isEqualTo(CommentStatus.PENDING);
        assertThat(stored(caught).status()).isEqualTo(CommentStatus.SPAM);
        for (HttpResponse<String> answer : List.of(held, caught)) {
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(header(answer, "location")).matches(java.util.regex.Pattern.quote(article.path()) + "#comment-\\d+");
            assertThat(header(answer, "cache-control")).isEqualTo("no-store");
            assertThat(cookie(answer, "dateline_own_comments")).isNotBlank();
        }
        assertThat(caught.headers().map().keySet()).isEqualTo(held.headers().map().keySet());
        for (HttpResponse<String> answer : List.of(held, caught)) {
            String own = "dateline_own_comments=" + cookie(answer, "dateline_own_comments");
            String page = http.get(article.path(), "Cookie", own).body();
            assertThat(page).contains("Your comment is awaiting moderation.", "comment-waiting")
                    .doesNotContain("spam");
        }
        assertThat(http.get(article.path()).body()).contains("No comments yet");
    }

    @Nested
    class Bad_input_gets_a_clear_answer_and_loses_nothing {
        @Test
        void a_form_sent_without_loading_the_page_goes_to_the_spam_folder() {
            HttpResponse<String> blind = send(comment("Buy now", "Bot", "bot@example.net"), 30);
            assertThat(blind.statusCode()).isEqualTo(303);
            assertThat(stored(blind).status()).isEqualTo(CommentStatus.SPAM);
        }

        @Test
        void a_tampered_token_goes_to_the_spam_folder() {
            String token = CommentForms.tokenOn(http, article.path());
            for (String tampered : List.of(token.replaceFirst("^\\d", "9"), token + "x", "../../etc/passwd",
                    "x".repeat(5000))) {
                Map<String, String> form = comment("Tampered " + tampered.length(), "Bot", "bot" + tampered.length() + "@example.net");
                form.put("form_token", tampered);
                HttpResponse<String> answer = send(form, 30);
                assertThat(answer.statusCode()).as(tampered).isEqualTo(303);
                assertThat(stored(answer).status()).isEqualTo(CommentStatus.SPAM);
            }
        }

        @Test
        void the_same_page_sending_a_second_comment_with_one_address_is_refused_with_the_comment_kept() {
            Map<String, String> first = fromThePage("First thought.", "Ana Lima", "ana@example.net");
            String token = first.get("form_token");
            assertThat(send(first, 30).statusCode()).isEqualTo(303);
            Map<String, String> second = comment("Second thought, from the same copy of the page.", "Ana Lima", "ana@example.net");
            second.put("form_token", token);
            HttpResponse<String> refused = send(second, 30);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("already sent a comment from your email address",
                    "Second thought, from the same copy of the page.");
            // the form that comes back can be sent again at once: the reader has spent long enough on it already
            String again = CommentForms.tokenIn(refused.body());
            assertThat(again).isNotEqualTo(token);
            second.put("form_token", again);
            HttpResponse<String> posted = send(second, 1);
            assertThat(posted.statusCode()).isEqualTo(303);
            assertThat(stored(posted).status()).isEqualTo(CommentStatus.PENDING);
        }

        @Test
        void a_refused_form_keeps_the_token_it_came_with_so_the_time_spent_still_counts() {
            Map<String, String> form = fromThePage("Forgot my name.", "", "ana@example.net");
            String token = form.get("form_token");
            HttpResponse<String> refused = send(form, 30);
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(CommentForms.tokenIn(refused.body())).isEqualTo(token);
            form.put("name", "Ana Lima");
            HttpResponse<String> posted = send(form, 2);
            assertThat(stored(posted).status()).isEqualTo(CommentStatus.PENDING);
        }

        @Test
        void an_oversized_field_or_body_is_refused_with_a_message() {
            HttpResponse<String> longName = send(fromThePage("Hello", "N".repeat(300), "ana@example.net"), 30);
            assertThat(longName.statusCode()).isEqualTo(422);
            assertThat(longName.body()).contains("Keep your name under 245 characters.");

            Map<String, String> huge = comment("x".repeat(5_000_000), "Ana Lima", "ana@example.net");
            HttpResponse<String> tooBig = send(huge, 30);
            assertThat(tooBig.statusCode()).isEqualTo(413);
            assertThat(tooBig.body()).isNotBlank();
        }

        @Test
        void bytes_that_are_not_utf8_never_cause_a_server_error() throws Exception {
            String token = CommentForms.tokenOn(http, article.path());
            site.clock().advance(Duration.ofSeconds(30));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("article=" + article.id() + "&name=Ana&email=ana%40example.net&form_token=" + token
                    + "&comment=caf").getBytes(StandardCharsets.US_ASCII));
            body.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
            body.write("%C3%28%FF end".getBytes(StandardCharsets.US_ASCII));
            HttpResponse<String> answer = http.postBytes("/comments", "application/x-www-form-urlencoded; charset=utf-8",
                    body.toByteArray(), "Origin", site.baseUrl());
            assertThat(answer.statusCode()).isIn(303, 400);
            if (answer.statusCode() == 303) assertThat(stored(answer).body()).startsWith("caf");
            else assertThat(answer.body()).isNotBlank();
        }
    }
}
