package dateline.articles;

import static dateline.testing.Pages.first;
import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dateline.accounts.Account;
import dateline.site.Policies;
import dateline.site.SmtpServer;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What readers see of significant updates, minor edits, corrections and retractions. */
class PublicUpdatesTest {
    private TestSite site;
    private Http http;
    private ArticleService articles;
    private Account author;
    private Article published;

    @BeforeEach
    void publish() {
        site = TestSite.serving();
        http = site.http();
        articles = site.wiring().articles();
        author = site.anAuthor("Alice Moreau");
        published = site.articles().anArticle().headline("Harbour bridge reopens")
                .body("The bridge reopened on Monday.\n\nTraffic was light.").by(author).publishedAt(TestSite.START)
                .article();
        site.clock().advance(Duration.ofHours(2));
    }

    @AfterEach
    void close() {
        site.close();
    }

    private Article save(String body, Edit edit) {
        Article current = articles.full(published.id()).orElseThrow().article();
        var draft = site.articles().anArticle().headline(current.headline()).slug(current.slug())
                .standfirst(current.standfirst()).body(body).by(author).draft();
        return articles.save(current.id(), draft, current.version(), edit, author);
    }

    private JsonNode jsonLd(String html) throws Exception {
        return new ObjectMapper().readTree(first(html, "<script type=\"application/ld\\+json\">(.*?)</script>"));
    }

    @Test
    void a_minor_edit_shows_the_new_text_but_moves_no_date() throws Exception {
        String before = header(http.get(published.path()), "last-modified");
        save("The bridge reopened on Monday.\n\nTraffic was light, police said.", Edit.minor());
        HttpResponse<String> page = http.get(published.path());
        assertThat(page.body()).contains("police said").doesNotContain("Last Updated");
        assertThat(header(page, "last-modified")).isEqualTo(before);
        assertThat(jsonLd(page.body()).get("dateModified").asText()).isEqualTo(jsonLd(page.body()).get("datePublished").asText());
    }

    @Test
    void a_significant_update_moves_last_updated_date_modified_and_last_modified_together() throws Exception {
        save("The bridge reopened on Tuesday.\n\nTraffic was light.", new Edit.SignificantUpdate("Corrects the day."));
        HttpResponse<String> page = http.get(published.path());
        String html = page.body();
        assertThat(html).contains("Last Updated on <time datetime=\"2024-06-20T09:38:00+00:00\">June 20, 2024 9:38 am</time>");
        assertThat(jsonLd(html).get("dateModified").asText()).isEqualTo("2024-06-20T09:38:00+00:00");
        assertThat(header(page, "last-modified")).isEqualTo("Thu, 20 Jun 2024 09:38:00 GMT");
        assertThat(html).contains("Corrects the day.", "href=\"" + published.path() + "history/\"");
    }

    @Test
    void the_update_history_shows_each_note_and_the_words_that_changed() {
        save("The bridge reopened on Tuesday.\n\nTraffic was light.", new Edit.SignificantUpdate("Corrects the day."));
        HttpResponse<String> history = http.get(published.path() + "history/");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("Corrects the day.",
                "<del><span class=\"visually-hidden\"> [removed: </span>Monday<span class=\"visually-hidden\">] </span></del>",
                "<ins><span class=\"visually-hidden\"> [added: </span>Tuesday<span class=\"visually-hidden\">] </span></ins>",
                "href=\"" + published.path() + "\"");
        assertThat(http.get("/2024/06/20/never-published/history/").statusCode()).isEqualTo(404);
    }

    @Test
    void a_correction_is_shown_at_the_end_in_structured_data_and_on_the_corrections_page() throws Exception {
        save("The bridge, built in 1962, reopened on Monday.", new Edit.Correction("An earlier version gave 1926."));
        String html = http.get(published.path()).body();
        assertThat(html).contains("<strong>Correction</strong>", "An earlier version gave 1926.");
        JsonNode correction = jsonLd(html).get("correction").get(0);
        assertThat(correction.get("@type").asText()).isEqualTo("CorrectionComment");
        assertThat(correction.get("text").asText()).isEqualTo("An earlier version gave 1926.");

        String corrections = http.get("/corrections/").body();
        assertThat(corrections).contains("Harbour bridge reopens", "An earlier version gave 1926.",
                "href=\"" + published.path() + "\"");
    }

    @Test
    void a_retracted_article_keeps_its_page_marked_at_the_top_and_leaves_the_front_page() {
        Account editor = site.wiring().accounts().open(new dateline.accounts.NewAccount("ed@example.org", "Ed",
                dateline.accounts.Role.EDITOR, null));
        articles.retract(published.id(), "The central claim could not be verified.", editor);
        HttpResponse<String> page = http.get(published.path());
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html.indexOf("This article has been retracted")).isLessThan(html.indexOf("<h1"));
        assertThat(html).contains("The central claim could not be verified.");
        assertThat(http.get("/").body()).doesNotContain("Harbour bridge reopens");
    }

    @Test
    void policies_get_pages_linked_from_every_footer_and_named_in_structured_data() throws Exception {
        assertThat(http.get("/policies/ethics/").statusCode()).isEqualTo(404);
        site.wiring().site().saveAll(site.wiring().site().settings(),
                new Policies("We correct errors **promptly**.", "We are independent.", ""), SmtpServer.none());
        HttpResponse<String> ethics = http.get("/policies/ethics/");
        assertThat(ethics.statusCode()).isEqualTo(200);
        assertThat(ethics.body()).contains("<h1 class=\"page-heading\">Ethics policy</h1>", "We are independent.");
        assertThat(http.get("/policies/corrections/").body()).contains("<strong>promptly</strong>");
        assertThat(http.get("/policies/contact/").statusCode()).isEqualTo(404);

        String article = http.get(published.path()).body();
        assertThat(article).contains("href=\"/policies/corrections/\"", "href=\"/policies/ethics/\"", "href=\"/corrections/\"")
                .doesNotContain("href=\"/policies/contact/\"");
        JsonNode publisher = jsonLd(article).get("publisher");
        assertThat(publisher.get("correctionsPolicy").asText()).isEqualTo(site.baseUrl() + "/policies/corrections/");
        assertThat(publisher.get("ethicsPolicy").asText()).isEqualTo(site.baseUrl() + "/policies/ethics/");
    }
}
