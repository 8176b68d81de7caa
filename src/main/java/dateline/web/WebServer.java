package dateline.web;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on Jetty, with the routes of every feature, security headers on every
 * response, CSRF checks before every state-changing request, the health check, and error pages that never
 * show a stack trace (the trace goes to the log).
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /**
     * No script but our own files, no inline script, no plugins, no framing; styles only from our
     * stylesheet; images from here, data URLs and, for articles that show them, https.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * How the server listens and what it serves. {@code identify} runs first on every request, to recognise
     * a signed-in member before forged requests are checked; {@code notAllowed} renders the page for 403.
     * {@code pages} answers public pages from memory, except for requests {@code personal} says are made
     * for one reader. A request without cookies is never personal (what makes a view personal travels in a
     * cookie), so such a request for a kept page is answered before the routes, by {@link CachedPageHandler}.
     */
    public record Options(String host, int port, Csrf csrf, Handler identify, Handler notFound,
                          java.util.function.Consumer<Context> notAllowed,
                          String serverErrorPage, PageCache pages,
                          java.util.function.Predicate<Context> personal, Unavailable unavailable) {}

    /**
     * How to answer while the database is out of reach: {@code test} tells such a failure from others, and
     * {@code page} says so to the reader, who is asked to try again (with {@code Retry-After}) instead of being
     * shown the page for a fault.
     */
    public record Unavailable(java.util.function.Predicate<Throwable> test, String page) {
        /** Seconds a client is asked to wait: about as long as a lost database takes to be found again. */
        public static final int RETRY_AFTER_SECONDS = 10;
    }

    /** Sent with every response, including the pages {@link CachedPageHandler} answers before the routes. */
    static final Map<String, String> SECURITY_HEADERS = orderedMap(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "X-Frame-Options", "DENY",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");

    /** The request attribute that carries why a request was refused, for the 403 page. */
    public static final String NOT_ALLOWED_MESSAGE = "dateline.not-allowed";
    /**
     * The request attribute a handler sets when its 404 is a page of its own (an expired link says so and
     * offers a new one), which the site's general "can't find that page" must then not replace.
     */
    public static final String OWN_NOT_FOUND_PAGE = "dateline.own-not-found-page";

    private final Javalin app;

    /**
     * How long stopping waits for the requests under way: the connectors stop accepting at once, the requests
     * in flight get this long to finish, then the server stops whatever remains.
     */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_IDLE_TIMEOUT = Duration.ofMillis(50);
    private static final int SELECTORS = Math.max(1, Runtime.getRuntime().availableProcessors());

    /**
     * What operating the server adds: the timer of every request the routes answer (none when null), and whether
     * a reverse proxy in front says who the client is ({@code X-Forwarded-For}, {@code X-Forwarded-Proto},
     * {@code Forwarded}) — to be believed only when nothing but the proxy can reach the server.
     */
    public record Operations(RequestMetrics metrics, boolean forwardedHeaders) {
        public static final Operations NONE = new Operations(null, false);
    }

    public WebServer(Options options, List<RouteGroup> groups) {
        this(options, groups, Operations.NONE);
    }

    public WebServer(Options options, List<RouteGroup> groups, Operations operations) {
        spareJettyTheManagementServer();
        RequestMetrics metrics = operations.metrics();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            // forms (an article is at most half a million characters) are read into memory; uploads are
            // streamed to disk past 1 MB, and each is held to the site's own upload limit afterwards
            config.http.maxRequestSize = 4_000_000;
            config.jetty.multipartConfig.maxFileSize(200, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(201, SizeUnit.MB);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            // a kept page is answered on the selector thread that read its request (see CachedPageHandler), so
            // there is one selector per processor: with Jetty's default of half as many, a crowd of readers of
            // kept pages could use only half the machine
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, 1, SELECTORS, new HttpConnectionFactory(http));
                connector.setHost(options.host());
                connector.setPort(options.port());
                return connector;
            });
            // outermost: Javalin places its servlet context inside the innermost handler. The graceful handler
            // counts the requests in flight, so that stopping lets them finish (up to STOP_TIMEOUT); it wraps
            // every request it counts, so it stands behind the kept pages, whose answers take microseconds
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
                GracefulHandler graceful = new GracefulHandler();
                // once stopping, a connection idle between requests is closed this soon (Jetty waits a second by
                // default, which every stop would pay for the readers' kept-alive connections); a request under
                // way still has up to STOP_TIMEOUT
                graceful.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT.toMillis());
                server.setHandler(new CachedPageHandler(options.pages(), graceful));
            });
            if (metrics != null) config.requestLogger.http(metrics::observe);
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                // the client's address (flood limits, sign-in throttling, comments) and scheme, as the proxy saw them
                if (operations.forwardedHeaders()) http.addCustomizer(new ForwardedRequestCustomizer());
            });
            config.routes.before(WebServer::addSecurityHeaders);
            config.routes.before(ctx -> options.pages().lookUp(ctx, options.personal().test(ctx)));
            config.routes.before(options.identify());
            config.routes.before(options.csrf()::check);
            RouteGroup.readable(config.routes, "/healthz", WebServer::health);
            for (RouteGroup group : groups) group.addTo(config.routes);
            config.routes.after(options.pages()::keep);
            config.routes.exception(ForbiddenResponse.class, (e, ctx) -> refuse(ctx, e.getMessage()));
            config.routes.exception(NotAllowed.class, (e, ctx) -> {
                ctx.status(HttpStatus.FORBIDDEN);
                ctx.attribute(NOT_ALLOWED_MESSAGE, e.getMessage());
                options.notAllowed().accept(ctx);
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (options.unavailable().test().test(e)) unavailable(ctx, e, options.unavailable().page());
                else failed(ctx, e, options.serverErrorPage());
            });
            config.routes.error(404, "*", ctx -> {
                if (ctx.attribute(OWN_NOT_FOUND_PAGE) == null) options.notFound().handle(ctx);
            });
        });
    }

    /**
     * Jetty's thread pool pads its queue to the processor's cache line, and asks the JVM's management server
     * whether object references are compressed to know how many fit in one, unless this property says. Starting
     * that server (every platform bean, described by reflection) took a fifth of the processor time of starting
     * the web server. 16 is the count for the usual case, compressed references (any heap under 32 GB); a wrong
     * count would only cost a little padding, never correctness.
     */
    private static void spareJettyTheManagementServer() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    public WebServer start() {
        app.start();
        return this;
    }

    /** The paths of every route, in the order they were added (which is the order Javalin tries them in). */
    public List<String> routePaths() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(e -> e.endpoint.path).distinct().toList();
    }

    /** The port the server listens on (useful when it was asked for any free port). */
    public int port() {
        return app.port();
    }

    /**
     * Stops gracefully: no new connection is accepted, the requests under way finish (up to {@link #STOP_TIMEOUT}),
     * then the server stops.
     */
    @Override
    public void close() {
        app.stop();
    }

    static void addSecurityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Liveness, for a process supervisor: this process answers requests. It never asks the database, so a node whose
     * database is away, still serving its kept pages, is not restarted (which would throw those pages away);
     * whether it should get requests at all is {@link ReadinessRoutes readiness}.
     */
    private static void health(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json");
        ctx.result("{\"status\":\"ok\"}");
    }

    private static void refuse(Context ctx, String message) {
        ctx.status(HttpStatus.FORBIDDEN);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(message);
    }

    /** Nothing was stored (the transaction never committed); the request may simply be made again. */
    private static void unavailable(Context ctx, Exception e, String page) {
        LOG.warn("{} {} answered 503: the database is out of reach ({})", ctx.method(), ctx.path(), e.getMessage());
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        ctx.header("Retry-After", Integer.toString(Unavailable.RETRY_AFTER_SECONDS));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(page);
    }

    private static void failed(Context ctx, Exception e, String serverErrorPage) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(serverErrorPage);
    }
}
