package dateline.admin;

import static dateline.testing.Pages.cookie;
import static dateline.testing.Pages.first;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.accounts.SessionService;
import dateline.testing.Http;
import dateline.testing.TestSite;
import dateline.webhooks.WebhookEvent;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A served site with a newsroom to test its access rules against: one member of each role, each signed in
 * (sessions begun directly, no passwords), a draft whose authors are all of them, so that the article's own
 * rules let each role open it, one of its revisions, and an image in the media library. It fills the
 * parameters of the route table's paths with these.
 */
final class StaffedNewsroom implements AutoCloseable {
    static final String ALT_TEXT = "A grey rectangle";

    /** A browser's part in a request: the cookie it sends and the form token that is right for it. */
    record Browser(String cookie, String token) {}

    private final TestSite site;
    private final Map<Role, Account> staff = new EnumMap<>(Role.class);
    private final Map<Role, SessionService.Started> sessions = new EnumMap<>(Role.class);
    private final long articleId;
    private final long revisionId;
    private final long mediaId;
    private final long commentId;
    private final long tokenId;
    private final long webhookId;
    private final long deliveryId;
    private final long pageId;
    private final long menuItemId;

    StaffedNewsroom() {
        site = TestSite.serving();
        for (Role role : Role.values()) {
            Account account = site.wiring().accounts().open(
                    new NewAccount(role.code() + "@example.org", role.label() + " Ferreira", role, null));
            staff.put(role, account);
            sessions.put(role, site.wiring().sessions().begin(account, "test"));
        }
        Account admin = account(Role.ADMINISTRATOR);
        articleId = site.articles().anArticle().by(staff.values().toArray(Account[]::new)).written().id();
        revisionId = site.wiring().articles().revisions(articleId, admin).get(0).id();
        mediaId = site.wiring().media().upload("rectangle.png", png(64, 48), admin.id(), ALT_TEXT).id();
        site.wiring().comments().importThreads(List.of(new CommentService.ImportedThread(articleId, List.of(
                new CommentService.Imported(-1, "Reader", "reader@example.net", "", "A reader's comment.",
                        site.clock().instant(), CommentStatus.PENDING)))));
        tokenId = site.wiring().apiTokens().create(admin, "A script", java.util.Set.of(dateline.api.Scope.READ)).token().id();
        commentId = site.wiring().comments().queue(CommentStatus.PENDING, null, null, 1, admin).items().get(0).id();
        // a receiver nobody listens at: the ping stays in the log whatever becomes of it
        webhookId = site.wiring().webhooks().add("http://127.0.0.1:9/hooks", Set.of(WebhookEvent.ARTICLE_PUBLISHED),
                admin).id();
        deliveryId = site.wiring().webhooks().ping(webhookId, admin).id();
        pageId = site.wiring().pages().create(new dateline.pages.PageDraft("About us", "", null, null, "Who we are.")).id();
        site.wiring().pages().addPageToMenu(dateline.pages.Menu.FOOTER, pageId);
        menuItemId = site.wiring().pages().menuItems().get(0).id();
    }

    TestSite site() {
        return site;
    }

    Http http() {
        return site.http();
    }

    List<AdminRoute> table() {
        return site.wiring().adminRouteTable();
    }

    Account account(Role role) {
        return staff.get(role);
    }

    /** The browser of the member of this role: their session cookie and their session's form token. */
    Browser signedIn(Role role) {
        SessionService.Started session = sessions.get(role);
        return new Browser("dateline_session=" + session.token(), session.signedIn().csrfToken());
    }

    /** A browser of this role's member with a session of its own, for a test that ends or spends it. */
    Browser newSession(Role role) {
        SessionService.Started session = site.wiring().sessions().begin(account(role), "test");
        return new Browser("dateline_session=" + session.token(), session.signedIn().csrfToken());
    }

    /** A visitor's browser as a form leaves it: the token in the form and the cookie that must come with it. */
    Browser visitor() {
        HttpResponse<String> form = http().get("/login");
        return new Browser("dateline_csrf=" + cookie(form, "dateline_csrf"),
                first(form.body(), "name=\"csrf\" value=\"([^\"]+)\""));
    }

    long articleId() {
        return articleId;
    }

    long mediaId() {
        return mediaId;
    }

    /**
     * The route's path with its parameters filled: the article, its revision, the media file, the comment, the
     * administrator's API token, the webhook and its delivery, the page and its item in the footer menu. A parameter this
     * class does not know fails the test rather than being filled with something meaningless.
     */
    String pathOf(AdminRoute route) {
        String path = route.path().replace("{revision}", Long.toString(revisionId));
        if (path.startsWith("/admin/articles/{id}")) path = path.replace("{id}", Long.toString(articleId));
        if (path.startsWith("/admin/media/{id}")) path = path.replace("{id}", Long.toString(mediaId));
        if (path.startsWith("/admin/comments/{id}")) path = path.replace("{id}", Long.toString(commentId));
        if (path.startsWith("/admin/tokens/{id}")) path = path.replace("{id}", Long.toString(tokenId));
        if (path.startsWith("/admin/pages/{id}")) path = path.replace("{id}", Long.toString(pageId));
        path = path.replace("{item}", Long.toString(menuItemId));
        if (path.startsWith("/admin/webhooks/{id}")) {
            path = path.replace("{id}", Long.toString(webhookId)).replace("{delivery}", Long.toString(deliveryId));
        }
        Matcher unfilled = Pattern.compile("\\{[^}]+}").matcher(path);
        if (unfilled.find()) {
            throw new AssertionError(route.path() + " has a parameter " + unfilled.group() + " that StaffedNewsroom "
                    + "does not know how to fill: make what it names and fill it in pathOf()");
        }
        return path;
    }

    /**
     * A POST body that changes nothing that matters: no fields at all, so that every form is refused as
     * incomplete (422) or, where an empty form is valid, changes nothing; describing an image sends the alt
     * text it already has. The form token is the caller's to add.
     */
    Map<String, String> harmlessForm(AdminRoute route) {
        Map<String, String> form = new LinkedHashMap<>();
        if (route.path().equals("/admin/media/{id}")) form.put("alt", ALT_TEXT);
        return form;
    }

    @Override
    public void close() {
        site.close();
    }

    /** A small opaque PNG, made with ImageIO. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) image.setRGB(x, y, 0x606060 + (x << 16) + (y << 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
