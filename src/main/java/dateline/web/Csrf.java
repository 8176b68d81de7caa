package dateline.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Protection against cross-site request forgery for every state-changing request. Two checks must both
 * pass: the browser's own account of where the request came from ({@code Sec-Fetch-Site}, else
 * {@code Origin}) names this site, and the form carries the expected token ({@value #FIELD}): the
 * session's own token for a signed-in member (set on the request as {@link #SESSION_TOKEN} by whatever
 * identifies members), otherwise the token this browser holds in a cookie of its own. A request that fails
 * either check is refused with 403 before any handler runs.
 */
public final class Csrf {
    public static final String FIELD = "csrf";
    /** The request attribute holding a signed-in member's session token. */
    public static final String SESSION_TOKEN = "dateline.session-csrf";
    static final String COOKIE = "dateline_csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean secureCookies;
    private final String siteOrigin;
    private final Set<String> originOnly;
    private final String bearerOnly;

    public Csrf(String baseUrl) {
        this(baseUrl, Set.of());
    }

    public Csrf(String baseUrl, Set<String> originOnly) {
        this(baseUrl, originOnly, null);
    }

    /**
     * {@code originOnly} names the paths whose forms live on pages served alike to every reader (the comment
     * form under a cached article), which can carry no token of one browser's: for them the browser's own
     * account of where the request came from must suffice, and is then required.
     * <p>
     * {@code bearerOnly} is the path prefix under which requests are authenticated by a token in the
     * {@code Authorization} header alone, never by a cookie (the JSON API): browsers do not send such a token
     * on their own, so a forged request there carries no authority and needs no check here.
     */
    public Csrf(String baseUrl, Set<String> originOnly, String bearerOnly) {
        URI base = URI.create(baseUrl);
        this.secureCookies = "https".equalsIgnoreCase(base.getScheme());
        this.siteOrigin = originOf(base);
        this.originOnly = Set.copyOf(originOnly);
        this.bearerOnly = bearerOnly;
    }

    /** The token to put in a form's hidden {@value #FIELD} field; sets the cookie when the browser has none. */
    public String token(Context ctx) {
        String session = ctx.attribute(SESSION_TOKEN);
        if (session != null) return session;
        String existing = ctx.attribute(COOKIE);
        if (existing == null) existing = ctx.cookie(COOKIE);
        if (existing != null && existing.length() == 32) return existing;
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.cookie(new Cookie(COOKIE, token, "/", -1, secureCookies, true, null, SameSite.STRICT));
        ctx.attribute(COOKIE, token);
        return token;
    }

    /** The before-handler that refuses forged state-changing requests. */
    public void check(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name())) return;
        if (bearerOnly != null && ctx.path().startsWith(bearerOnly)) return;
        if (!comesFromThisSite(ctx)) throw new ForbiddenResponse("This request came from another site.");
        if (originOnly.contains(ctx.path())) {
            if (ctx.header("Sec-Fetch-Site") == null && ctx.header("Origin") == null) {
                throw new ForbiddenResponse("This form must be sent from a page of this site.");
            }
            return;
        }
        String session = ctx.attribute(SESSION_TOKEN);
        String expected = session != null ? session : ctx.cookie(COOKIE);
        String field = ctx.formParam(FIELD);
        if (field == null) field = ctx.header("X-CSRF-Token");
        if (expected == null || field == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("This form has expired. Go back, reload the page and send it again.");
        }
    }

    private boolean comesFromThisSite(Context ctx) {
        String fetchSite = ctx.header("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.toLowerCase(Locale.ROOT);
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) return origin == null;
        try {
            String claimed = originOf(URI.create(origin));
            return claimed.equals(siteOrigin) || claimed.equals(requestOrigin(ctx));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String requestOrigin(Context ctx) {
        String host = ctx.header("Host");
        return ctx.scheme().toLowerCase(Locale.ROOT) + "://" + (host == null ? "" : host.toLowerCase(Locale.ROOT));
    }

    private static String originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
