package dateline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /readyz}: whether a load balancer may send this node requests. Ready means the schema is complete
 * (no migration pending, known since start) and the database answers now; otherwise 503, saying which. It
 * differs from {@code /healthz}, the liveness check, in that a node that is not ready should be left out of the
 * rotation, not restarted.
 */
public final class ReadinessRoutes implements RouteGroup {
    private final BooleanSupplier migrated;
    private final BooleanSupplier reachable;

    public ReadinessRoutes(BooleanSupplier migrated, BooleanSupplier reachable) {
        this.migrated = migrated;
        this.reachable = reachable;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        RouteGroup.readable(routes, "/readyz", this::answer);
    }

    private void answer(Context ctx) {
        boolean schema = migrated.getAsBoolean();
        boolean database = schema && reachable.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", database ? "ready" : "unavailable");
        body.put("database", !schema ? "not checked" : database ? "reachable" : "unreachable");
        body.put("migrations", schema ? "applied" : "pending");
        ctx.header("Cache-Control", "no-store");
        ctx.status(database ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
        ctx.contentType("application/json");
        ctx.result(Json.write(body));
    }
}
