package dateline.admin;

import dateline.accounts.AccountService;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import dateline.site.Timezones;
import dateline.web.Csrf;
import dateline.web.FrameSource;
import dateline.web.Head;
import dateline.web.InvalidInput;
import dateline.web.RouteGroup;
import dateline.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The set-up of a brand-new site, as WordPress does it: until the site has an account, every page leads
 * to one form (site title, timezone, the first administrator's name, email and password). From the
 * machine itself no code is needed; from anywhere else the set-up code printed in the server's log is, so
 * that a stranger cannot claim a site that was just started on the open internet.
 */
public final class SetupRoutes implements RouteGroup {
    private static final Logger LOG = LoggerFactory.getLogger(SetupRoutes.class);

    private final AccountService accounts;
    private final SiteService site;
    private final FrameSource frames;
    private final Templates templates;
    private final Csrf csrf;
    private final List<String> timezones;
    private volatile boolean setUp;

    public SetupRoutes(AccountService accounts, SiteService site, FrameSource frames, Templates templates, Csrf csrf) {
        this.accounts = accounts;
        this.site = site;
        this.frames = frames;
        this.templates = templates;
        this.csrf = csrf;
        this.timezones = Timezones.choices();
    }

    /** Says in the log how to set up the site, when it still needs it. */
    public void announce(String baseUrl) {
        if (!isSetUp()) {
            LOG.info("This site has no account yet: open {}/setup to set it up (from another machine, give the "
                    + "set-up code {}).", baseUrl, site.setupToken());
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(this::leadToSetup);
        routes.get("/setup", this::form);
        routes.post("/setup", this::submit);
    }

    /** Once set up, a site stays set up; until then every page leads here. */
    private boolean isSetUp() {
        if (!setUp) setUp = accounts.any();
        return setUp;
    }

    private void leadToSetup(Context ctx) {
        String path = ctx.path();
        if (path.equals("/setup") || path.equals("/healthz") || path.startsWith("/assets/") || path.startsWith("/media/")
                || path.equals("/readyz") || path.equals("/metrics")) {
            return;
        }
        if (ctx.method().name().equals("GET") && !isSetUp()) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect("/setup", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
        }
    }

    private void form(Context ctx) {
        if (isSetUp()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        String zone = TimeZone.getDefault().getID();
        SetupForm blank = SetupForm.blank(timezones.contains(zone) ? zone : "UTC", ctx.queryParam("code"));
        render(ctx, HttpStatus.OK, blank, Map.of());
    }

    private void submit(Context ctx) {
        if (isSetUp()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        SetupForm form = new SetupForm(param(ctx, "site_title"), param(ctx, "timezone"), param(ctx, "name"),
                param(ctx, "email"), ctx.formParam("password") == null ? "" : ctx.formParam("password"),
                param(ctx, "code"));
        Map<String, String> problems = new LinkedHashMap<>();
        if (needsToken(ctx) && !tokenMatches(form.token())) {
            problems.put("code", "Enter the set-up code that the server printed in its log when it started.");
        }
        ZoneId zone = Timezones.chosen(form.timezone());
        if (zone == null) problems.put("timezone", "Choose the timezone of your newsroom.");
        try {
            SiteSettings settings = site.settings().withTitle(form.siteTitle());
            if (zone != null) settings = settings.withTimezone(zone);
            if (problems.isEmpty()) {
                checkTitle(form.siteTitle());
                accounts.openFirstAdministrator(new NewAccount(form.email(), form.name(), Role.ADMINISTRATOR, form.password()));
                site.save(settings);
                site.forgetSetupToken();
                setUp = true;
                LOG.info("The site is set up; its first administrator is {}.", form.name());
                ctx.redirect("/", HttpStatus.SEE_OTHER);
                return;
            }
        } catch (InvalidInput e) {
            e.problems().forEach(problems::putIfAbsent);
        } catch (AccountService.SiteAlreadySetUp e) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form, problems);
    }

    private static void checkTitle(String title) {
        InvalidInput.check()
                .when(title.isBlank(), "site_title", "Give the site a title.")
                .when(title.length() > 120, "site_title", "Keep the title under 120 characters.")
                .throwIfAny();
    }

    private void render(Context ctx, HttpStatus status, SetupForm form, Map<String, String> problems) {
        Map<String, String> byField = new LinkedHashMap<>();
        problems.forEach((field, message) -> byField.put(field.equals("title") ? "site_title" : field, message));
        SetupPage page = new SetupPage(frames.frameAt("/setup"),
                new Head("Set up your site – Dateline", "", null, "noindex", List.of(), null),
                form, byField, timezones, needsToken(ctx), csrf.token(ctx));
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(templates.render("admin/setup.jte", page));
    }

    /** A person on the machine itself, not behind a proxy, needs no code. */
    private static boolean needsToken(Context ctx) {
        if (ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null) return true;
        try {
            return !InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private boolean tokenMatches(String given) {
        return MessageDigest.isEqual(site.setupToken().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
