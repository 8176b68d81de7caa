package dateline.admin;

import dateline.accounts.AccountRoutes;
import dateline.accounts.Permission;
import dateline.accounts.SignedIn;
import dateline.site.SiteService;
import dateline.web.Assets;
import dateline.web.Csrf;
import dateline.web.NavLink;
import dateline.web.NotAllowed;
import dateline.web.Templates;
import dateline.web.WebServer;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the newsroom's screens share: the access rule in front of every handler, the member signed in,
 * the frame of every screen, and rendering with the headers newsroom pages need (never cached, never
 * indexed).
 */
public final class Newsroom {
    private record Item(String label, String url, Permission permission) {}

    private static final List<Item> NAVIGATION = List.of(
            new Item("Dashboard", "/admin", Permission.ENTER_NEWSROOM),
            new Item("Articles", "/admin/articles", Permission.WRITE_ARTICLES),
            new Item("New article", "/admin/articles/new", Permission.WRITE_ARTICLES),
            new Item("Comments", "/admin/comments", Permission.MODERATE_COMMENTS),
            new Item("Media", "/admin/media", Permission.UPLOAD_MEDIA),
            new Item("Sections", "/admin/sections", Permission.MANAGE_SECTIONS),
            new Item("Pages", "/admin/pages", Permission.MANAGE_SECTIONS),
            new Item("Menus", "/admin/menus", Permission.MANAGE_SECTIONS),
            new Item("Accounts", "/admin/accounts", Permission.MANAGE_ACCOUNTS),
            new Item("Settings", "/admin/settings", Permission.MANAGE_SETTINGS),
            new Item("Privacy", "/admin/privacy", Permission.MANAGE_SETTINGS),
            new Item("Import and export", "/admin/transfer", Permission.MANAGE_SETTINGS),
            new Item("API tokens", "/admin/tokens", Permission.ENTER_NEWSROOM),
            new Item("Webhooks", "/admin/webhooks", Permission.MANAGE_SETTINGS));

    private final SiteService site;
    private final Templates templates;
    private final Assets assets;
    private final Csrf csrf;

    public Newsroom(SiteService site, Templates templates, Assets assets, Csrf csrf) {
        this.site = site;
        this.templates = templates;
        this.assets = assets;
        this.csrf = csrf;
    }

    /**
     * The handler behind its access rule: a visitor who is not signed in is sent to sign in (or refused,
     * for anything but reading); a member whose role lacks the permission is refused with 403.
     */
    Handler guarded(Permission permission, Handler handler) {
        return ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Robots-Tag", "noindex, nofollow");
            var member = AccountRoutes.signedIn(ctx);
            if (member.isEmpty()) {
                if (ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD")) {
                    ctx.redirect("/login?next=" + URLEncoder.encode(pathWithQuery(ctx), StandardCharsets.UTF_8),
                            HttpStatus.SEE_OTHER);
                    return;
                }
                throw new NotAllowed("Sign in to do this.");
            }
            if (!member.get().can(permission)) throw new NotAllowed("Your role in the newsroom does not allow this.");
            handler.handle(ctx);
        };
    }

    /** The member behind a guarded handler. */
    static SignedIn member(Context ctx) {
        return AccountRoutes.signedIn(ctx).orElseThrow(() -> new NotAllowed("Sign in to do this."));
    }

    AdminFrame frame(Context ctx) {
        SignedIn member = member(ctx);
        List<NavLink> navigation = new ArrayList<>();
        for (Item item : NAVIGATION) {
            if (!member.can(item.permission())) continue;
            boolean current = ctx.path().equals(item.url())
                    || (item.url().equals("/admin/articles") && ctx.path().startsWith("/admin/articles/")
                        && !ctx.path().equals("/admin/articles/new"))
                    || (item.url().equals("/admin/comments") && ctx.path().startsWith("/admin/comments/"))
                    || (item.url().equals("/admin/webhooks") && ctx.path().startsWith("/admin/webhooks/"))
                    || (item.url().equals("/admin/pages") && ctx.path().startsWith("/admin/pages/"));
            navigation.add(new NavLink(item.label(), item.url(), current));
        }
        return new AdminFrame(site.settings().title(), member.account().name(), member.account().role().label(),
                navigation, csrf.token(ctx), assets.url("site.css"), assets.url("admin.css"), assets.url("admin.js"),
                assets.url("icon.svg"), site.settings().language());
    }

    void render(Context ctx, HttpStatus status, String template, Object page) {
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(templates.render(template, page));
    }

    /** A refusal (403) as a page of the newsroom when signed in, or as a short message otherwise. */
    public void renderNotAllowed(Context ctx) {
        String message = ctx.attribute(WebServer.NOT_ALLOWED_MESSAGE);
        if (AccountRoutes.signedIn(ctx).isEmpty()) {
            ctx.contentType("text/plain; charset=utf-8");
            ctx.result(message);
            return;
        }
        render(ctx, HttpStatus.FORBIDDEN, "admin/not_allowed.jte", new NotAllowedPage(frame(ctx), message));
    }

    private static String pathWithQuery(Context ctx) {
        return ctx.queryString() == null ? ctx.path() : ctx.path() + "?" + ctx.queryString();
    }

    /** The page saying a request was refused. */
    public record NotAllowedPage(AdminFrame frame, String message) {}
}
