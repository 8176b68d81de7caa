package dateline.admin;

import static dateline.testing.Pages.cookie;
import static dateline.testing.Pages.first;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.admin.StaffedNewsroom.Browser;
import dateline.articles.Article;
import dateline.articles.ArticleStatus;
import dateline.site.SiteSettings;
import dateline.site.SmtpServer;
import dateline.testing.Http;
import dateline.testing.TestSite;
import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every state-changing route refuses a forged request with 403 before its handler runs, and so changes
 * nothing: one without the form's token, with a wrong one, or with the right one but sent from another site
 * as the browser tells it ({@code Sec-Fetch-Site}, else {@code Origin}). The routes are the newsroom's POST
 * routes, read from its table, and those of signing in and out and choosing a password; the set-up form is
 * tried on a site of its own that is not set up yet.
 *
 * <p>For a few routes, "changes nothing" is shown concretely, each followed by its control: the same request
 * sent properly is let in and does change what the forged ones left alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedRequestsTest {
    /** The forms outside the newsroom that change something, each with a body that would change nothing much. */
    private static final Map<String, Map<String, String>> ACCOUNT_FORMS = new LinkedHashMap<>();

    static {
        ACCOUNT_FORMS.put("/login", Http.form("email", "nobody@example.org", "password", "not anybody's password"));
        ACCOUNT_FORMS.put("/logout", Http.form());
        ACCOUNT_FORMS.put("/forgot-password", Http.form("email", "nobody@example.org"));
        ACCOUNT_FORMS.put("/reset-password", Http.form("token", "no-such-token", "password", "a new password for nobody"));
    }

    private StaffedNewsroom newsroom;
    private TestSite site;
    private Http http;
    private Browser admin;
    /** Another member's session: its token is a real one, but not this browser's. */
    private String someoneElsesToken;

    @BeforeAll
    void openNewsroom() {
        newsroom = new StaffedNewsroom();
        site = newsroom.site();
        http = newsroom.http();
        admin = newsroom.signedIn(Role.ADMINISTRATOR);
        someoneElsesToken = newsroom.signedIn(Role.CONTRIBUTOR).token();
    }

    @AfterAll
    void closeNewsroom() {
        newsroom.close();
    }

    /** A way to forge a request, given the token that would be right: what goes in the form, which headers. */
    private record Forgery(String description, UnaryOperator<String> token, String... headers) {}

    private List<Forgery> forgeries() {
        return List.of(
                new Forgery("without the form's token", right -> null),
                new Forgery("with a made-up token", right -> "forged-forged-forged-forged-1234"),
                new Forgery("with the token of another member's session", right -> someoneElsesToken),
                new Forgery("with the right token but from another site (Sec-Fetch-Site: cross-site)", right -> right,
                        "Sec-Fetch-Site", "cross-site"),
                new Forgery("with the right token but from a sibling site (Sec-Fetch-Site: same-site)", right -> right,
                        "Sec-Fetch-Site", "same-site"),
                new Forgery("with the right token but from another origin (Origin: https://evil.example)", right -> right,
                        "Origin", "https://evil.example"),
                new Forgery("with the right token but from a sandboxed frame (Origin: null)", right -> right,
                        "Origin", "null"));
    }

    private HttpResponse<String> forged(String path, Map<String, String> fields, Browser browser, Forgery forgery) {
        return forged(http, path, fields, browser, forgery);
    }

    private static HttpResponse<String> forged(Http via, String path, Map<String, String> fields, Browser browser,
                                               Forgery forgery) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        String token = forgery.token().apply(browser.token());
        if (token != null) form.put("csrf", token);
        List<String> headers = new ArrayList<>(List.of("Cookie", browser.cookie()));
        headers.addAll(List.of(forgery.headers()));
        return via.post(path, form, headers.toArray(String[]::new));
    }

    /** The request as the site's own form sends it from a browser that tells where it comes from. */
    private HttpResponse<String> properly(String path, Map<String, String> fields, Browser browser) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf", browser.token());
        return http.post(path, form, "Cookie", browser.cookie(), "Sec-Fetch-Site", "same-origin",
                "Origin", site.baseUrl());
    }

    /** Sends every forgery of the request, each of which must be refused with 403. */
    private void assertEveryForgeryRefused(String path, Map<String, String> fields, Browser browser) {
        for (Forgery forgery : forgeries()) {
            assertThat(forged(path, fields, browser, forgery).statusCode()).as("POST %s %s", path, forgery.description())
                    .isEqualTo(403);
        }
    }

    @TestFactory
    Stream<DynamicNode> a_signed_in_administrators_forged_request_is_refused_by_every_state_changing_route() {
        Map<String, Map<String, String>> routes = new LinkedHashMap<>();
        for (AdminRoute route : newsroom.table()) {
            if (route.method() != HandlerType.GET) routes.put(newsroom.pathOf(route), newsroom.harmlessForm(route));
        }
        routes.putAll(ACCOUNT_FORMS);
        return routes.entrySet().stream().map(route -> dynamicContainer("POST " + route.getKey(),
                refusals(route.getKey(), route.getValue(), admin, () -> newsroom.newSession(Role.ADMINISTRATOR))));
    }

    @TestFactory
    Stream<DynamicNode> a_visitors_forged_request_is_refused_by_every_form_outside_the_newsroom() {
        Browser visitor = newsroom.visitor();
        return ACCOUNT_FORMS.entrySet().stream().map(route -> dynamicContainer("POST " + route.getKey(),
                refusals(route.getKey(), route.getValue(), visitor, () -> visitor)));
    }

    /**
     * One test per forgery, then the control: the same request sent properly gets past the check (whatever the
     * handler then answers). Signing out spends its session, so the control is sent with a browser of its own.
     */
    private Stream<DynamicNode> refusals(String path, Map<String, String> fields, Browser browser,
                                         Supplier<Browser> forTheControl) {
        List<DynamicNode> tests = new ArrayList<>();
        for (Forgery forgery : forgeries()) {
            tests.add(dynamicTest("is refused with 403 " + forgery.description(), () ->
                    assertThat(forged(path, fields, browser, forgery).statusCode()).as("status").isEqualTo(403)));
        }
        tests.add(dynamicTest("gets past the check when sent properly, from the site itself", () -> {
            Browser control = path.equals("/logout") ? forTheControl.get() : browser;
            assertThat(properly(path, fields, control).statusCode()).as("status").isNotEqualTo(403);
        }));
        return tests.stream();
    }

    @Nested
    class A_forged_request_changes_nothing {
        @Test
        void saving_and_publishing_an_article_leaves_its_version_status_and_text_as_they_were() {
            Account writer = newsroom.account(Role.ADMINISTRATOR);
            Article draft = site.articles().anArticle().headline("Ferry timetable changes for the summer")
                    .by(writer).written();
            String path = "/admin/articles/" + draft.id();
            Map<String, String> publish = Http.form("headline", "Forged: the ferry is cancelled",
                    "body", "Nothing sails.", "authors", Long.toString(writer.id()),
                    "version", Integer.toString(draft.version()), "action", "publish");

            assertEveryForgeryRefused(path, publish, admin);
            Article after = article(draft.id());
            assertThat(after.version()).isEqualTo(draft.version());
            assertThat(after.status()).isEqualTo(ArticleStatus.DRAFT);
            assertThat(after.headline()).isEqualTo("Ferry timetable changes for the summer");

            assertThat(properly(path, publish, admin).statusCode()).isEqualTo(303);
            Article published = article(draft.id());
            assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(published.version()).isGreaterThan(draft.version());
            assertThat(published.headline()).isEqualTo("Forged: the ferry is cancelled");
        }

        @Test
        void retracting_an_article_leaves_it_published() {
            Article out = site.articles().anArticle().headline("Council approves the harbour budget")
                    .by(newsroom.account(Role.EDITOR)).publishedAt(TestSite.START.minusSeconds(3600)).article();
            String path = "/admin/articles/" + out.id() + "/retract";
            Map<String, String> retract = Http.form("retraction_note", "Forged: this never happened.");

            assertEveryForgeryRefused(path, retract, admin);
            assertThat(article(out.id()).status()).isEqualTo(ArticleStatus.PUBLISHED);

            assertThat(properly(path, retract, admin).statusCode()).isEqualTo(303);
            assertThat(article(out.id()).status()).isEqualTo(ArticleStatus.RETRACTED);
        }

        @Test
        void pinning_an_article_leaves_the_front_page_alone() {
            Article out = site.articles().anArticle().headline("Harbour festival programme announced")
                    .by(newsroom.account(Role.EDITOR)).publishedAt(TestSite.START.minusSeconds(7200)).article();
            String path = "/admin/articles/" + out.id() + "/pin";
            Map<String, String> pin = Http.form("pinned", "yes");

            assertEveryForgeryRefused(path, pin, admin);
            assertThat(article(out.id()).pinned()).isFalse();

            assertThat(properly(path, pin, admin).statusCode()).isEqualTo(303);
            assertThat(article(out.id()).pinned()).isTrue();
            assertThat(properly(path, Http.form("pinned", "no"), admin).statusCode()).isEqualTo(303);
            assertThat(article(out.id()).pinned()).isFalse();
        }

        @Test
        void saving_the_settings_leaves_the_sites_title() {
            String title = site.wiring().site().settings().title();
            Map<String, String> settings = settingsFormTitled("Forged Times");

            assertEveryForgeryRefused("/admin/settings", settings, admin);
            assertThat(site.wiring().site().settings().title()).isEqualTo(title);

            assertThat(properly("/admin/settings", settings, admin).statusCode()).isEqualTo(303);
            assertThat(site.wiring().site().settings().title()).isEqualTo("Forged Times");
            assertThat(properly("/admin/settings", settingsFormTitled(title), admin).statusCode()).isEqualTo(303);
        }

        @Test
        void opening_a_section_opens_none() {
            int before = site.wiring().articles().sections().size();
            Map<String, String> section = Http.form("name", "Forgeries", "description", "Opened by another site.");

            assertEveryForgeryRefused("/admin/sections", section, admin);
            assertThat(site.wiring().articles().sections()).hasSize(before);

            assertThat(properly("/admin/sections", section, admin).statusCode()).isEqualTo(303);
            assertThat(site.wiring().articles().sections()).hasSize(before + 1)
                    .anySatisfy(s -> assertThat(s.name()).isEqualTo("Forgeries"));
        }

        @Test
        void opening_an_account_opens_none() {
            long before = site.wiring().accounts().count();
            Map<String, String> account = Http.form("name", "Mallory Forger", "email", "mallory@evil.example",
                    "role", "administrator", "password", "");

            assertEveryForgeryRefused("/admin/accounts", account, admin);
            assertThat(site.wiring().accounts().count()).isEqualTo(before);
            assertThat(site.wiring().accounts().byEmail("mallory@evil.example")).isEmpty();

            assertThat(properly("/admin/accounts", account, admin).statusCode()).isEqualTo(303);
            assertThat(site.wiring().accounts().byEmail("mallory@evil.example")).isPresent();
        }

        @Test
        void describing_an_image_leaves_its_alt_text() {
            String path = "/admin/media/" + newsroom.mediaId();
            Map<String, String> describe = Http.form("alt", "Forged description");

            assertEveryForgeryRefused(path, describe, admin);
            assertThat(altText()).isEqualTo(StaffedNewsroom.ALT_TEXT);

            assertThat(properly(path, describe, admin).statusCode()).isEqualTo(303);
            assertThat(altText()).isEqualTo("Forged description");
            assertThat(properly(path, Http.form("alt", StaffedNewsroom.ALT_TEXT), admin).statusCode()).isEqualTo(303);
        }

        @Test
        void signing_out_leaves_the_session_signed_in() {
            Browser browser = newsroom.newSession(Role.EDITOR);

            assertEveryForgeryRefused("/logout", Map.of(), browser);
            assertThat(http.get("/admin", "Cookie", browser.cookie()).statusCode()).isEqualTo(200);

            assertThat(properly("/logout", Map.of(), browser).statusCode()).isEqualTo(303);
            assertThat(http.get("/admin", "Cookie", browser.cookie()).statusCode()).isEqualTo(303);
        }

        @Test
        void signing_in_signs_nobody_in() {
            site.wiring().accounts().open(new NewAccount("victim@example.org", "Vera Victim", Role.AUTHOR,
                    "the attacker knows this one"));
            Browser visitor = newsroom.visitor();
            Map<String, String> signIn = Http.form("email", "victim@example.org",
                    "password", "the attacker knows this one", "next", "/admin");

            for (Forgery forgery : forgeries()) {
                HttpResponse<String> response = forged("/login", signIn, visitor, forgery);
                assertThat(response.statusCode()).as("POST /login %s", forgery.description()).isEqualTo(403);
                assertThat(response.headers().allValues("set-cookie")).noneMatch(c -> c.startsWith("dateline_session="));
            }

            HttpResponse<String> control = properly("/login", signIn, visitor);
            assertThat(control.statusCode()).isEqualTo(303);
            assertThat(cookie(control, "dateline_session")).isNotEmpty();
        }

        private Article article(long id) {
            return site.wiring().articles().full(id).orElseThrow().article();
        }

        private String altText() {
            return site.wiring().media().byId(newsroom.mediaId()).orElseThrow().altText();
        }

        /** The settings form as the screen fills it, with another title. */
        private Map<String, String> settingsFormTitled(String title) {
            SiteSettings s = site.wiring().site().settings();
            SmtpServer smtp = site.wiring().site().smtp();
            return Http.form("title", title, "description", s.description(), "timezone", s.timezone().getId(),
                    "date_format", s.dateFormat(), "time_format", s.timeFormat(), "language", s.language(),
                    "articles_per_page", Integer.toString(s.articlesPerPage()),
                    "comments_open_by_default", s.commentsOpenByDefault() ? "on" : "",
                    "close_comments_after_days", Integer.toString(s.closeCommentsAfterDays()),
                    "upload_limit_megabytes", Integer.toString(s.uploadLimitMegabytes()),
                    "smtp_host", smtp.host(), "smtp_port", Integer.toString(smtp.port()),
                    "smtp_security", smtp.security(), "smtp_username", smtp.username(),
                    "smtp_from_address", smtp.fromAddress(), "smtp_from_name", smtp.fromName(),
                    "comments_thread_depth", "5", "comments_per_page", "50", "comments_newest_first", "oldest",
                    "comments_trust_previously_approved", "on", "comments_link_limit", "2",
                    "comments_notify_authors", "on", "comments_notify_moderators", "on",
                    "comments_keep_addresses_days", "30", "comments_minimum_fill_seconds", "3",
                    "comments_empty_spam_after_days", "30", "feed_content", "full", "feed_length", "20",
                    "publisher_logo_url", "");
        }
    }

    /** The set-up form of a site that has no account yet: the one form that opens the first administrator. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class On_a_site_not_set_up_yet {
        private TestSite fresh;
        private Http freshHttp;

        @BeforeAll
        void openFreshSite() {
            fresh = TestSite.serving();
            freshHttp = fresh.http();
        }

        @AfterAll
        void closeFreshSite() {
            fresh.close();
        }

        @Test
        void a_forged_set_up_is_refused_and_opens_no_account() {
            HttpResponse<String> page = freshHttp.get("/setup");
            Browser visitor = new Browser("dateline_csrf=" + cookie(page, "dateline_csrf"),
                    first(page.body(), "name=\"csrf\" value=\"([^\"]+)\""));
            Map<String, String> setup = Http.form("site_title", "The Forged Times", "timezone", "UTC",
                    "name", "Mallory Forger", "email", "mallory@evil.example", "password", "tide tables and ferry times");

            for (Forgery forgery : forgeries()) {
                assertThat(forged(freshHttp, "/setup", setup, visitor, forgery).statusCode())
                        .as("POST /setup %s", forgery.description()).isEqualTo(403);
            }
            assertThat(fresh.wiring().accounts().any()).isFalse();
            assertThat(freshHttp.get("/").statusCode()).as("the site still leads to its set-up").isEqualTo(303);
        }
    }
}
