package dateline.accounts;

import dateline.site.SiteService;
import dateline.web.Csrf;
import dateline.web.FrameSource;
import dateline.web.Head;
import dateline.web.InvalidInput;
import dateline.web.RouteGroup;
import dateline.web.Templates;
import dateline.web.WebServer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out, and choosing a new password through a link. Also recognises, on every request, the
 * member of the newsroom whose session cookie comes with it.
 */
public final class AccountRoutes implements RouteGroup {
    static final String SESSION_COOKIE = "dateline_session";

    /** True when the request carries a newsroom session: what it is shown is that member's own. */
    public static boolean carriesSession(Context ctx) {
        return ctx.cookie(SESSION_COOKIE) != null;
    }
    private static final String MEMBER = "dateline.member";

    private final AccountService accounts;
    private final SessionService sessions;
    private final PasswordResets resets;
    private final SiteService site;
    private final FrameSource frames;
    private final Templates templates;
    private final Csrf csrf;
    private final String baseUrl;
    private final boolean secureCookies;

    public AccountRoutes(AccountService accounts, SessionService sessions, PasswordResets resets, SiteService site,
                         FrameSource frames, Templates templates, Csrf csrf, String baseUrl) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.resets = resets;
        this.site = site;
        this.frames = frames;
        this.templates = templates;
        this.csrf = csrf;
        this.baseUrl = baseUrl;
        this.secureCookies = baseUrl.startsWith("https:");
    }

    /** The member signed in on this request's browser, if any. */
    public static Optional<SignedIn> signedIn(Context ctx) {
        return Optional.ofNullable(ctx.attribute(MEMBER));
    }

    /** Runs before everything else: recognises the session, and gives forms its token. */
    public void identify(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token == null) return;
        Optional<SignedIn> member = sessions.identify(token);
        if (member.isPresent()) {
            ctx.attribute(MEMBER, member.get());
            ctx.attribute(Csrf.SESSION_TOKEN, member.get().csrfToken());
        } else {
            ctx.removeCookie(SESSION_COOKIE, "/");
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/login", this::signInForm);
        routes.post("/login", this::signIn);
        routes.post("/logout", this::signOut);
        routes.get("/forgot-password", ctx -> render(ctx, HttpStatus.OK, "accounts/forgot.jte", "Forgot your password?",
                Map.of(), Map.of(), null));
        routes.post("/forgot-password", this::sendResetLink);
        routes.get("/reset-password", this::resetForm);
        routes.post("/reset-password", this::reset);
    }

    private void signInForm(Context ctx) {
        if (signedIn(ctx).isPresent()) {
            ctx.redirect(nextOf(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        String notice = switch (String.valueOf(ctx.queryParam("done"))) {
            case "signed-out" -> "You are signed out.";
            case "password" -> "Your new password is set. Sign in with it.";
            default -> null;
        };
        render(ctx, HttpStatus.OK, "accounts/sign_in.jte", "Sign in", Map.of("next", nextOf(ctx.queryParam("next"))),
                Map.of(), notice);
    }

    private void signIn(Context ctx) {
        String email = param(ctx, "email");
        Map<String, String> typed = Map.of("email", email, "next", nextOf(ctx.formParam("next")));
        AccountService.SignInOutcome outcome = accounts.signIn(email, ctx.formParam("password"), ctx.ip());
        if (outcome instanceof AccountService.SignInOutcome.Accepted accepted) {
            SessionService.Started started = sessions.begin(accepted.account(), ctx.userAgent());
            ctx.cookie(new Cookie(SESSION_COOKIE, started.token(), "/", (int) SessionService.LIFETIME.toSeconds(),
                    secureCookies, true, null, SameSite.LAX));
            ctx.redirect(typed.get("next"), HttpStatus.SEE_OTHER);
        } else if (outcome instanceof AccountService.SignInOutcome.Throttled throttled) {
            long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
            ctx.header("Retry-After", Long.toString(throttled.retryAfter().toSeconds() + 1));
            render(ctx, HttpStatus.TOO_MANY_REQUESTS, "accounts/sign_in.jte", "Sign in", typed, Map.of(),
                    "Too many attempts to sign in. Wait " + minutes + (minutes == 1 ? " minute" : " minutes")
                            + " and try again, or choose a new password.");
        } else {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "accounts/sign_in.jte", "Sign in", typed,
                    Map.of("password", "The email address or the password is not right."), null);
        }
    }

    private void signOut(Context ctx) {
        sessions.end(ctx.cookie(SESSION_COOKIE));
        ctx.removeCookie(SESSION_COOKIE, "/");
        ctx.redirect("/login?done=signed-out", HttpStatus.SEE_OTHER);
    }

    private void sendResetLink(Context ctx) {
        String email = param(ctx, "email");
        if (!resets.canSendLinks()) {
            render(ctx, HttpStatus.SERVICE_UNAVAILABLE, "accounts/forgot.jte", "Forgot your password?",
                    Map.of("email", email), Map.of(), null);
            return;
        }
        if (email.isEmpty()) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "accounts/forgot.jte", "Forgot your password?",
                    Map.of("email", email), Map.of("email", "Enter the address you sign in with."), null);
            return;
        }
        resets.sendLink(email, baseUrl, site.settings().title());
        render(ctx, HttpStatus.OK, "accounts/forgot.jte", "Forgot your password?", Map.of("email", email), Map.of(),
                "If an account has this address, a link to choose a new password is on its way. It works for an hour.");
    }

    private void resetForm(Context ctx) {
        String token = String.valueOf(ctx.queryParam("token"));
        if (resets.holderOf(token).isEmpty()) {
            ctx.attribute(WebServer.OWN_NOT_FOUND_PAGE, true);
            render(ctx, HttpStatus.NOT_FOUND, "accounts/reset.jte", "Choose a new password", Map.of(),
                    Map.of("token", "This link has expired or was already used. Ask for a new one."), null);
            return;
        }
        render(ctx, HttpStatus.OK, "accounts/reset.jte", "Choose a new password", Map.of("token", token), Map.of(), null);
    }

    private void reset(Context ctx) {
        String token = param(ctx, "token");
        try {
            resets.choosePassword(token, ctx.formParam("password") == null ? "" : ctx.formParam("password"));
            ctx.redirect("/login?done=password", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "accounts/reset.jte", "Choose a new password",
                    Map.of("token", token), e.problems(), null);
        }
    }

    private void render(Context ctx, HttpStatus status, String template, String title, Map<String, String> values,
                        Map<String, String> problems, String notice) {
        AccountPage page = new AccountPage(frames.frameAt(ctx.path()),
                new Head(title + " – " + site.settings().title(), "", null, "noindex", List.of(), null),
                new LinkedHashMap<>(values), problems, notice, csrf.token(ctx), resets.canSendLinks());
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(templates.render(template, page));
    }

    /** Where to go after signing in: a path on this site only, never another site (no open redirect). */
    static String nextOf(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) return "/admin";
        try {
            URI uri = new URI(next);
            return uri.getHost() == null && uri.getScheme() == null ? next : "/admin";
        } catch (java.net.URISyntaxException e) {
            return "/admin";
        }
    }

    private static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
