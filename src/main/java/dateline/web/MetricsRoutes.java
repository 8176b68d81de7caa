package dateline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /metrics} on the site's own port, for a scraper that cannot reach the loopback metrics port: only with
 * {@code Authorization: Bearer TOKEN} and a token configured. Without a token the address does not exist (404,
 * the site's ordinary page); with a wrong one, 401. The token is compared in constant time.
 */
public final class MetricsRoutes implements RouteGroup {
    /** Prometheus's text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Optional<byte[]> expected;
    private final Supplier<String> scrape;

    public MetricsRoutes(Optional<String> token, Supplier<String> scrape) {
        this.expected = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
        this.scrape = scrape;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", this::answer);
    }

    private void answer(Context ctx) {
        if (expected.isEmpty()) throw new NotFoundResponse();
        ctx.header("Cache-Control", "no-store");
        String given = ctx.header("Authorization");
        if (given == null || !MessageDigest.isEqual(expected.get(), given.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
            ctx.status(HttpStatus.UNAUTHORIZED);
            ctx.contentType("text/plain; charset=utf-8");
            ctx.result("The metrics need the token set in DATELINE_METRICS_TOKEN.");
            return;
        }
        ctx.contentType(CONTENT_TYPE);
        ctx.result(scrape.get());
    }
}
