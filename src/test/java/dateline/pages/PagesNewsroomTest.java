package dateline.pages;

import static dateline.testing.Http.form;
import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.accounts.SessionService;
import dateline.testing.HtmlChecker;
import dateline.testing.Http;
import dateline.testing.TestSite;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The newsroom's pages and menus through HTTP, as an editor uses them. */
class PagesNewsroomTest {
    private final TestSite site = TestSite.serving();
    private final Http http = site.http();
    private final HtmlChecker checker = new HtmlChecker();
    private final SessionService.Started editor = session(Role.EDITOR);

    @AfterEach
    void close() {
        site.close();
    }

    private SessionService.Started session(Role role) {
        Account account = site.wiring().accounts().open(
                new NewAccount(role.code() + "@example.org", role.label() + " Ferreira", role, null));
        return site.wiring().sessions().begin(account, "test");
    }

    private HttpResponse<String> post(SessionService.Started who, String path, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>(form(pairs));
        fields.put("csrf", who.signedIn().csrfToken());
        return http.post(path, fields, "Cookie", "dateline_session=" + who.token());
    }

    private HttpResponse<String> get(SessionService.Started who, String path) {
        return http.get(path, "Cookie", "dateline_session=" + who.token());
    }

    private static String shown(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("status").isEqualTo(200);
        return response.body();
    }

    private void assertValid(String html) {
        assertThat(checker.errors(html)).isEmpty();
    }

    @Test
    void a_draft_page_is_previewed_whole_in_the_newsroom_while_readers_cannot_see_it() {
        HttpResponse<String> created = post(editor, "/admin/pages", "title", "Ethics policy", "slug", "ethics",
                "parent", "", "body_format", "markdown", "body", "We correct *openly*.");
        String edit = header(created, "location").replaceAll("\\?.*", "");
        assertThat(shown(get(editor, edit))).contains("href=\"" + edit + "/preview\"", "<em>openly</em>");
        assertThat(http.get("/ethics/").statusCode()).isEqualTo(404);

        HttpResponse<String> preview = get(editor, edit + "/preview");
        String html = shown(preview);
        assertValid(html);
        assertThat(html).contains("<title>Preview: Ethics policy", "We correct <em>openly</em>.",
                "<meta name=\"robots\" content=\"noindex, nofollow\">");
        assertThat(header(preview, "cache-control")).isEqualTo("no-store");
        assertThat(http.get(edit + "/preview").statusCode()).as("a visitor is sent to sign in").isEqualTo(303);
    }

    @Test
    void an_editor_writes_publishes_moves_unpublishes_and_deletes_a_page() {
        assertValid(shown(get(editor, "/admin/pages")));
        assertValid(shown(get(editor, "/admin/pages/new")));

        HttpResponse<String> created = post(editor, "/admin/pages", "title", "About us", "slug", "",
                "parent", "", "body_format", "markdown", "body", "We report.", "action", "publish");
        assertThat(created.statusCode()).isEqualTo(303);
        String edit = header(created, "location").replaceAll("\\?.*", "");
        assertThat(http.get("/about-us/").body()).contains("We report.");
        HttpResponse<String> editor = get(this.editor, edit + "?done=published");
        assertValid(shown(editor));
        assertThat(editor.body()).contains("The page is published.", "Live at");
        assertValid(shown(get(this.editor, edit)));
        assertThat(shown(get(this.editor, "/admin/pages"))).contains("About us", "/about-us/", "Published");

        assertThat(post(this.editor, edit, "title", "About us", "slug", "about", "parent", "",
                "body_format", "html", "body", "<p>Hello</p><script>alert(1)</script>", "action", "save")
                .statusCode()).isEqualTo(303);
        assertThat(header(http.get("/about-us/"), "location")).isEqualTo("/about/");
        assertThat(http.get("/about/").body()).contains("<p>Hello</p>").doesNotContain("alert(1)");

        assertThat(post(this.editor, edit, "title", "About us", "slug", "about", "parent", "",
                "body_format", "html", "body", "<p>Hello</p>", "action", "unpublish").statusCode()).isEqualTo(303);
        assertThat(http.get("/about/").statusCode()).isEqualTo(404);

        HttpResponse<String> unconfirmed = post(this.editor, edit + "/delete");
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertValid(unconfirmed.body());
        assertThat(post(this.editor, edit + "/delete", "confirm", "yes").statusCode()).isEqualTo(303);
        assertThat(get(this.editor, edit).statusCode()).isEqualTo(404);
    }

    @Test
    void a_refused_page_shows_the_problem_at_its_field_and_keeps_what_was_typed() {
        HttpResponse<String> refused = post(editor, "/admin/pages", "title", "Searching", "slug", "search",
                "body_format", "markdown", "body", "Kept text");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The site uses /search/ itself", "Kept text");
        assertValid(refused.body());
        assertThat(post(editor, "/admin/pages", "title", "X", "body_format", "latex").statusCode()).isEqualTo(422);
        assertThat(post(editor, "/admin/pages", "title", "X", "parent", "abc").statusCode()).isEqualTo(422);
        assertThat(get(editor, "/admin/pages/abc").statusCode()).isEqualTo(404);
        assertThat(get(editor, "/admin/pages/999").statusCode()).isEqualTo(404);
    }

    @Test
    void an_editor_arranges_the_menus_with_buttons_that_need_no_script() {
        PageService pages = site.wiring().pages();
        Page about = pages.publish(pages.create(new PageDraft("About us", "about", null, null, "")).id());
        assertThat(post(editor, "/admin/menus/items", "menu", "footer", "kind", "page", "page",
                Long.toString(about.id())).statusCode()).isEqualTo(303);
        assertThat(post(editor, "/admin/menus/items", "menu", "footer", "kind", "link", "label", "Tips",
                "url", "https://tips.example.org/").statusCode()).isEqualTo(303);
        HttpResponse<String> badLink = post(editor, "/admin/menus/items", "menu", "footer", "kind", "link",
                "label", "Evil", "url", "javascript:alert(1)");
        assertThat(badLink.statusCode()).isEqualTo(422);
        assertValid(badLink.body());
        assertThat(post(editor, "/admin/menus/items", "menu", "sidebar", "kind", "link").statusCode()).isEqualTo(422);

        long tips = pages.menuItems().get(1).id();
        assertThat(post(editor, "/admin/menus/items/" + tips + "/up").statusCode()).isEqualTo(303);
        String footer = http.get("/").body();
        footer = footer.substring(footer.indexOf("site-footer"));
        assertThat(footer.indexOf("https://tips.example.org/")).isPositive().isLessThan(footer.indexOf("/about/"));
        HttpResponse<String> menus = get(editor, "/admin/menus");
        assertValid(shown(menus));
        assertThat(menus.body()).contains("About us (page)", "Tips (https://tips.example.org/)");

        assertThat(post(editor, "/admin/menus/items/" + tips + "/remove").statusCode()).isEqualTo(303);
        assertThat(http.get("/").body()).doesNotContain("tips.example.org");
        assertThat(post(editor, "/admin/menus/items/" + tips + "/remove").statusCode()).isEqualTo(404);
        assertThat(post(editor, "/admin/menus/items/nope/up").statusCode()).isEqualTo(404);
    }

    @Test
    void a_form_without_its_token_changes_nothing() {
        HttpResponse<String> forged = http.post("/admin/pages", form("title", "Forged", "action", "publish"),
                "Cookie", "dateline_session=" + editor.token());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(site.wiring().pages().all()).isEmpty();
    }

    @Test
    void an_author_may_neither_see_nor_change_pages_and_menus() {
        SessionService.Started author = session(Role.AUTHOR);
        assertThat(get(author, "/admin/pages").statusCode()).isEqualTo(403);
        assertThat(get(author, "/admin/menus").statusCode()).isEqualTo(403);
        assertThat(post(author, "/admin/pages", "title", "Mine").statusCode()).isEqualTo(403);
        assertThat(get(editor, "/admin").body()).contains("href=\"/admin/pages\"", "href=\"/admin/menus\"");
        assertThat(get(author, "/admin").body()).doesNotContain("href=\"/admin/pages\"");
    }
}
