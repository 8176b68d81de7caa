package dateline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Role;
import dateline.admin.StaffedNewsroom.Browser;
import dateline.articles.Article;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The newsroom's controls for pinning an article to the front page, as editors and authors meet them. */
class PinningDeskTest {
    private StaffedNewsroom newsroom;
    private Http http;
    private Article story;

    @BeforeEach
    void openNewsroom() {
        newsroom = new StaffedNewsroom();
        http = newsroom.http();
        story = newsroom.site().articles().anArticle().headline("Harbour festival programme announced")
                .by(newsroom.account(Role.AUTHOR)).publishedAt(TestSite.START.minusSeconds(3600)).article();
    }

    @AfterEach
    void closeNewsroom() {
        newsroom.close();
    }

    private Document page(String path, Role role) {
        HttpResponse<String> response = http.get(path, "Cookie", newsroom.signedIn(role).cookie());
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    @Test
    void an_editor_pins_from_the_editor_and_the_list_says_pinned_until_unpinned() {
        Document editor = page("/admin/articles/" + story.id(), Role.EDITOR);
        var pinButton = editor.selectFirst("button[form=pin-form][name=pinned][value=yes]");
        assertThat(pinButton).isNotNull();
        assertThat(pinButton.text()).isEqualTo("Pin to the front page");
        assertThat(editor.selectFirst("form#pin-form").attr("action")).isEqualTo("/admin/articles/" + story.id() + "/pin");
        assertThat(editor.select("form#pin-form input[name=csrf]")).hasSize(1);

        Browser browser = newsroom.signedIn(Role.EDITOR);
        HttpResponse<String> pinned = http.post("/admin/articles/" + story.id() + "/pin",
                Http.form("csrf", browser.token(), "pinned", "yes"), "Cookie", browser.cookie());
        assertThat(pinned.statusCode()).isEqualTo(303);
        assertThat(pinned.headers().firstValue("Location")).hasValue("/admin/articles/" + story.id() + "?done=pinned");

        Document after = page("/admin/articles/" + story.id() + "?done=pinned", Role.EDITOR);
        assertThat(after.select(".notice").text()).contains("Pinned to the front page");
        assertThat(after.selectFirst("button[form=pin-form][value=no]").text()).isEqualTo("Unpin from the front page");
        assertThat(rowOf(page("/admin/articles", Role.EDITOR)).select(".status-pinned").text()).isEqualTo("Pinned");
        assertThat(http.get("/").body()).contains("pinned-label");

        http.post("/admin/articles/" + story.id() + "/pin", Http.form("csrf", browser.token(), "pinned", "no"),
                "Cookie", browser.cookie());
        assertThat(rowOf(page("/admin/articles", Role.EDITOR)).select(".status-pinned")).isEmpty();
        assertThat(http.get("/").body()).doesNotContain("pinned-label");
    }

    @Test
    void an_author_sees_no_pin_button_on_their_own_article_and_is_refused_the_route() {
        Document editor = page("/admin/articles/" + story.id(), Role.AUTHOR);
        assertThat(editor.select("button[form=pin-form]")).isEmpty();
        assertThat(editor.select("form#pin-form")).isEmpty();

        Browser browser = newsroom.signedIn(Role.AUTHOR);
        HttpResponse<String> refused = http.post("/admin/articles/" + story.id() + "/pin",
                Http.form("csrf", browser.token(), "pinned", "yes"), "Cookie", browser.cookie());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(newsroom.site().wiring().articles().full(story.id()).orElseThrow().article().pinned()).isFalse();
    }

    @Test
    void pinning_a_retracted_article_is_refused_with_a_message_not_an_error() {
        newsroom.site().wiring().articles().retract(story.id(), "The programme was wrong.", newsroom.account(Role.EDITOR));
        assertThat(page("/admin/articles/" + story.id(), Role.EDITOR).select("button[form=pin-form]")).isEmpty();

        Browser browser = newsroom.signedIn(Role.EDITOR);
        HttpResponse<String> refused = http.post("/admin/articles/" + story.id() + "/pin",
                Http.form("csrf", browser.token(), "pinned", "yes"), "Cookie", browser.cookie());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("A retracted article cannot be pinned to the front page.");
    }

    private org.jsoup.nodes.Element rowOf(Document list) {
        return list.select("tr").stream().filter(tr -> tr.text().contains("Harbour festival programme announced"))
                .findFirst().orElseThrow();
    }
}
