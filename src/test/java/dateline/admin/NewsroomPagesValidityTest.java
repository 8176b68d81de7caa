package dateline.admin;

import static dateline.testing.Pages.cookie;
import static dateline.testing.Pages.first;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleDraft;
import dateline.articles.ArticleService;
import dateline.articles.BodyFormat;
import dateline.articles.Edit;
import dateline.articles.FullArticle;
import dateline.articles.Revision;
import dateline.articles.Section;
import dateline.media.MediaFile;
import dateline.site.Policies;
import dateline.site.SmtpServer;
import dateline.testing.HtmlChecker;
import dateline.testing.Http;
import dateline.testing.ServedPage;
import dateline.testing.TestSite;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every type of newsroom page, and the public pages the newsroom's work adds (update histories, the
 * corrections list, retracted articles, policies), passes the Nu HTML Checker without an error, in each of
 * the situations that change its markup: empty and filled, refused with messages at fields, in conflict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewsroomPagesValidityTest {
    private static final String PASSWORD = "a long and quiet harbour morning";

    private TestSite site;
    private final HtmlChecker checker = new HtmlChecker();
    private final Map<String, ServedPage> pages = new LinkedHashMap<>();
    private Http http;
    private Account editorInChief;
    private String adminCookie;
    private String adminCsrf;

    @BeforeAll
    void buildSite() throws IOException {
        site = TestSite.serving();
        http = site.http();
        ArticleService articles = site.wiring().articles();
        site.wiring().site().saveAll(site.wiring().site().settings(), new Policies("""
                We correct errors of fact **promptly** and say so at the end of the article.

                ## How to tell us
                Write to [the desk](mailto:corrections@example.org).""", "", ""), SmtpServer.none());
        editorInChief = site.wiring().accounts().open(new NewAccount("ada@example.org", "Ada Lindqvist",
                Role.ADMINISTRATOR, PASSWORD));
        Account contributor = site.wiring().accounts().open(new NewAccount("cyril@example.org", "Cyril Obi",
                Role.CONTRIBUTOR, PASSWORD));
        var session = site.wiring().sessions().begin(editorInChief, "test");
        adminCookie = "dateline_session=" + session.token();
        adminCsrf = session.signedIn().csrfToken();
        String contributorCookie = "dateline_session=" + site.wiring().sessions().begin(contributor, "test").token();

        Section world = articles.openSection("World", "News from abroad");
        MediaFile photo = site.wiring().media().upload("harbour.jpg", jpeg(1200, 800), editorInChief.id(),
                "Fishing boats in the harbour at dawn");
        Article draft = site.articles().anArticle().headline("Ferry timetable to change in autumn")
                .by(editorInChief).in(world.id()).tagged("Ferries").written();
        FullArticle published = site.articles().anArticle().headline("Harbour bridge reopens after repairs")
                .by(editorInChief).in(world.id()).tagged("Bridges", "Transport").datelinePlace("LISBON")
                .publishedAt(site.clock().instant());
        long publishedId = published.article().id();
        site.clock().advance(Duration.ofHours(2));
        Article updated = articles.save(publishedId, withBody(published, "The bridge reopened on Monday.\n\n"
                        + "Traffic was heavy by the evening.", photo.id()), published.article().version(),
                new Edit.SignificantUpdate("Adds the evening traffic."), editorInChief);
        site.clock().advance(Duration.ofHours(1));
        articles.save(publishedId, withBody(published, "The bridge reopened on Tuesday.\n\n"
                        + "Traffic was heavy by the evening.", photo.id()), updated.version(),
                new Edit.Correction("An earlier version gave the wrong day of the reopening."), editorInChief);
        FullArticle retracted = site.articles().anArticle().headline("Mayor to resign, aides say")
                .by(editorInChief).in(world.id()).publishedAt(site.clock().instant());
        site.clock().advance(Duration.ofHours(1));
        articles.retract(retracted.article().id(), "The report relied on a single source who was mistaken.",
                editorInChief);
        String publishedPath = articles.full(publishedId).orElseThrow().article().path();

        // The newsroom, signed in as an administrator.
        newsroomPage("dashboard", 200, "/admin");
        newsroomPage("article list", 200, "/admin/articles");
        newsroomPage("article list, filtered", 200, "/admin/articles?status=published&section=" + world.id()
                + "&author=" + editorInChief.id() + "&q=harbour", "Harbour bridge reopens", ">Clear</a>");
        newsroomPage("article list, filtered to nothing", 200, "/admin/articles?status=scheduled&q=nothing", "No articles match.");
        newsroomPage("editor, new article", 200, "/admin/articles/new");
        newsroomPage("editor, draft", 200, "/admin/articles/" + draft.id());
        newsroomPage("editor, draft just saved", 200, "/admin/articles/" + draft.id() + "?done=saved");
        newsroomPage("editor, published article with notes and a featured image", 200, "/admin/articles/" + publishedId,
                "Live at", "Public notes", "class=\"featured-thumb\"", "Retract this article");
        newsroomPage("editor, retracted article", 200, "/admin/articles/" + retracted.article().id(), "status-retracted");
        pages.put("editor, refused save", new ServedPage(422, post("/admin/articles", adminCookie, adminCsrf,
                "headline", "", "standfirst", "x".repeat(700), "body", "Some words.", "type", "news",
                "section", "999999", "tags", "", "authors", "", "dateline", "D".repeat(100), "action", "publish"),
                "error-summary", "id=\"headline-error\"", "id=\"standfirst-error\"", "id=\"section-error\"",
                "id=\"authors-error\"", "id=\"dateline-error\""));
        pages.put("editor, refused update without a note", new ServedPage(422, post("/admin/articles/" + publishedId,
                adminCookie, adminCsrf, editorFields(articles.full(publishedId).orElseThrow(), "edit", "update",
                        "note", "")), "id=\"note-error\""));
        FullArticle before = articles.full(draft.id()).orElseThrow();
        site.clock().advance(Duration.ofMinutes(5));
        articles.save(draft.id(), withBody(before, "Someone else wrote this first.", null), before.article().version(),
                Edit.minor(), editorInChief);
        pages.put("editor, conflicting save", new ServedPage(409, post("/admin/articles/" + draft.id(), adminCookie,
                adminCsrf, editorFields(before, "body", "My own words, typed over an old version.")),
                "Someone else saved this article while you were editing", "<ins>", "<del>"));
        List<Revision> revisions = articles.revisions(publishedId, editorInChief);
        newsroomPage("revisions, with a comparison", 200, "/admin/articles/" + publishedId + "/revisions?from="
                + revisions.get(revisions.size() - 1).id() + "&to=" + revisions.get(0).id(), "What changed", "<ins>");
        newsroomPage("revisions, without a comparison", 200, "/admin/articles/" + draft.id() + "/revisions");
        newsroomPage("article preview, draft", 200, "/admin/articles/" + draft.id() + "/preview", "notice-preview");
        newsroomPage("article preview, published", 200, "/admin/articles/" + publishedId + "/preview");
        newsroomPage("settings", 200, "/admin/settings");
        site.wiring().apiTokens().create(contributor, "Newsletter builder", java.util.Set.of(dateline.api.Scope.READ));
        newsroomPage("API tokens of everybody", 200, "/admin/tokens", "Newsletter builder", "Cyril Obi");
        pages.put("API tokens, one just made", new ServedPage(201, post("/admin/tokens", adminCookie, adminCsrf,
                "name", "Wire feed", "scopes", "write"), "will not be shown again", "id=\"new-token\""));
        pages.put("API tokens, refused", new ServedPage(422, post("/admin/tokens", adminCookie, adminCsrf, "name", ""),
                "id=\"name-error\"", "id=\"scopes-error\""));
        // A browser sends a number field that holds no number as empty (value sanitization), never as text.
        pages.put("settings with problems the form finds", new ServedPage(422, post("/admin/settings", adminCookie,
                adminCsrf, settingsFields("articles_per_page", "", "timezone", "Nowhere/Atlantis")),
                "error-summary", "id=\"articles_per_page-error\"", "id=\"timezone-error\""));
        pages.put("settings with problems the site finds", new ServedPage(422, post("/admin/settings", adminCookie,
                adminCsrf, settingsFields("title", "", "date_format", "custom", "date_format_custom", "",
                        "language", "not a language!", "articles_per_page", "0", "smtp_host", "not a host!",
                        "smtp_from_address", "not an address")),
                "error-summary", "id=\"title-error\"", "id=\"date_format-error\"", "id=\"language-error\"",
                "id=\"articles_per_page-error\"", "id=\"smtp_host-error\"", "id=\"smtp_from_address-error\""));
        newsroomPage("sections", 200, "/admin/sections");
        pages.put("sections with a problem", new ServedPage(422, post("/admin/sections", adminCookie, adminCsrf,
                "name", "", "description", ""), "id=\"name-error\""));
        newsroomPage("accounts", 200, "/admin/accounts");
        pages.put("accounts with problems", new ServedPage(422, post("/admin/accounts", adminCookie, adminCsrf,
                "name", "", "email", "not-an-address", "role", "author", "password", "short"), "id=\"name-error\"",
                "id=\"email-error\""));
        newsroomPage("webhooks, none yet", 200, "/admin/webhooks", "No webhooks yet.");
        pages.put("webhooks, refused address and no events", new ServedPage(422, post("/admin/webhooks", adminCookie,
                adminCsrf, "url", "ftp://example.org/hooks"), "id=\"url-error\"", "id=\"events-error\""));
        var hook = site.wiring().webhooks().add("http://127.0.0.1:9/hooks",
                java.util.Set.of(dateline.webhooks.WebhookEvent.ARTICLE_PUBLISHED), editorInChief);
        site.wiring().webhooks().ping(hook.id(), editorInChief);
        newsroomPage("webhooks, with one", 200, "/admin/webhooks", "http://127.0.0.1:9/hooks");
        newsroomPage("webhook, with its log", 200, "/admin/webhooks/" + hook.id() + "?done=added", "Show the secret",
                hook.secret(), "<code>ping</code>");
        pages.put("webhook, deletion not confirmed", new ServedPage(422, post("/admin/webhooks/" + hook.id() + "/delete",
                adminCookie, adminCsrf), "Tick the box"));
        newsroomPage("media, with one image", 200, "/admin/media", "alt=\"Fishing boats in the harbour at dawn\"");
        pages.put("media, upload without a file", new ServedPage(422, post("/admin/media", adminCookie, adminCsrf,
                "alt", "Nothing"), "id=\"file-error\""));
        pages.put("not allowed (a contributor opens the settings)", new ServedPage(403,
                http.get("/admin/settings", "Cookie", contributorCookie), "<h1>Not allowed</h1>"));

        // Signing in, and choosing a new password, on a site that cannot send mail.
        HttpResponse<String> signIn = http.get("/login");
        pages.put("sign in", new ServedPage(200, signIn));
        String browserCookie = "dateline_csrf=" + cookie(signIn, "dateline_csrf");
        String formToken = first(signIn.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        pages.put("sign in with a wrong password", new ServedPage(422, post("/login", browserCookie, formToken,
                "email", "ada@example.org", "password", "not the password", "next", "/admin"), "id=\"password-error\""));
        pages.put("forgot password, no mail server", new ServedPage(200, http.get("/forgot-password"), "cannot send e-mail"));
        pages.put("reset password, invalid link", new ServedPage(404, http.get("/reset-password?token=no-such-token"),
                "Ask for a new link"));

        // What readers see of the newsroom's work.
        pages.put("article, updated and corrected, with a featured image", new ServedPage(200, http.get(publishedPath),
                "Last Updated on", "Updates and corrections", "class=\"featured-image\""));
        pages.put("article history", new ServedPage(200, http.get(publishedPath + "history/"), "<ins>", "<del>"));
        pages.put("corrections", new ServedPage(200, http.get("/corrections/"),
                "An earlier version gave the wrong day of the reopening.", "href=\"/policies/corrections/\""));
        pages.put("retracted article", new ServedPage(200, http.get(retracted.article().path()),
                "This article has been retracted"));
        pages.put("corrections policy", new ServedPage(200, http.get("/policies/corrections/"), "How to tell us"));
    }

    @AfterAll
    void closeSite() {
        if (site != null) site.close();
    }

    Iterable<String> pageTypes() {
        return pages.keySet();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pageTypes")
    void has_no_html_errors(String pageType) {
        pages.get(pageType).assertValid(pageType, checker);
    }

    private void newsroomPage(String name, int status, String path, String... shows) {
        pages.put(name, new ServedPage(status, http.get(path, "Cookie", adminCookie), shows));
    }

    private HttpResponse<String> post(String path, String cookie, String csrf, String... fields) {
        Map<String, String> form = new LinkedHashMap<>(Http.form(fields));
        form.put("csrf", csrf);
        return http.post(path, form, "Cookie", cookie, "Origin", site.baseUrl());
    }

    private HttpResponse<String> post(String path, String cookie, String csrf, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf", csrf);
        return http.post(path, form, "Cookie", cookie, "Origin", site.baseUrl());
    }

    /** The settings form as a browser sends it for a freshly set-up site, with some fields replaced. */
    private static Map<String, String> settingsFields(String... replaced) {
        Map<String, String> form = new LinkedHashMap<>(Http.form("title", "The Harbour Courier", "description", "",
                "timezone", "Europe/Berlin", "date_format", "F j, Y", "date_format_custom", "", "time_format", "g:i a",
                "time_format_custom", "", "language", "en", "articles_per_page", "20", "close_comments_after_days", "14",
                "upload_limit_megabytes", "10", "policy_corrections", "", "policy_ethics", "", "policy_contact", "",
                "smtp_host", "", "smtp_port", "587", "smtp_security", "starttls", "smtp_username", "",
                "smtp_password", "", "smtp_from_address", "", "smtp_from_name", ""));
        form.putAll(Http.form(replaced));
        return form;
    }

    /** The editor's fields for the article as it stands, with some of them replaced. */
    private Map<String, String> editorFields(FullArticle full, String... replaced) {
        Article a = full.article();
        Map<String, String> form = new LinkedHashMap<>(Http.form("headline", a.headline(), "slug", a.slug(),
                "standfirst", a.standfirst(), "body", a.bodySource(), "type", a.type().code(),
                "section", a.sectionId() == null ? "" : a.sectionId().toString(), "tags", "",
                "authors", Long.toString(editorInChief.id()), "dateline", a.datelinePlace(), "edit", "minor",
                "note", "", "featured_media", a.featuredMediaId() == null ? "" : a.featuredMediaId().toString(),
                "featured_alt", "", "version", Integer.toString(a.version()), "action", "save"));
        form.putAll(Http.form(replaced));
        return form;
    }

    private static ArticleDraft withBody(FullArticle full, String body, Long featuredMediaId) {
        Article a = full.article();
        return new ArticleDraft(a.headline(), a.slug(), a.standfirst(), body, BodyFormat.MARKDOWN, a.type(),
                a.sectionId(), full.tags().stream().map(t -> t.name()).toList(),
                full.bylines().stream().map(b -> b.accountId()).toList(), a.datelinePlace(), true, featuredMediaId);
    }

    private static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) image.setRGB(x, y, (40 + x * 200 / width) << 16 | (40 + y * 200 / height) << 8 | 160);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
