package dateline.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request the routes answer, by method, route and status: the route's pattern
 * ({@code /{year}/{month}/{day}/{slug}/}), never the address asked for, so the number of series stays that of
 * the route table whatever readers and robots ask for; an address no route matched counts as route
 * {@code unmatched}. A request's timer is found without building any tags (one map look-up by endpoint, one
 * array slot by status); tags are built once per route and status. Pages {@link CachedPageHandler} answers before
 * the routes are not timed here: {@link PageCache#hitsBeforeRoutes()} counts them, at the cost of one add.
 */
public final class RequestMetrics {
    static final String NAME = "http.server.requests";
    private static final String UNMATCHED = "unmatched";
    /** A page the cache answered in the routes' first step (a conditional request, HEAD, a paged list), before any route matched. */
    private static final String PAGE_CACHE = "page-cache";
    /** Buckets of the latency histogram: from a kept page to a slow search or a comment waiting for its flush. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    /** Keyed by the matched endpoint (one per route and method), or by the method alone when none matched. */
    private final Map<Object, Timer[]> timers = new ConcurrentHashMap<>();
    private final Map<HandlerType, Timer[]> pageCacheTimers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Javalin's request logger: called once every request has been answered, with its time in milliseconds. */
    void observe(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        HandlerType method = endpoint != null ? endpoint.method : ctx.method();
        boolean fromCache = endpoint == null && "hit".equals(ctx.res().getHeader(PageCache.STATUS_HEADER));
        Timer[] byStatus = fromCache ? timersOf(pageCacheTimers, method)
                : timersOf(timers, endpoint != null ? endpoint : method);
        int status = ctx.statusCode();
        if (status < 100 || status > 599) status = 599;
        Timer timer = byStatus[status];
        if (timer == null) {
            String route = endpoint != null ? endpoint.path : fromCache ? PAGE_CACHE : UNMATCHED;
            timer = byStatus[status] = timer(method.name(), route, status);
        }
        timer.record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }

    /** A plain read first: {@code computeIfAbsent} may lock even when the key is there. */
    private static <K> Timer[] timersOf(Map<K, Timer[]> map, K key) {
        Timer[] found = map.get(key);
        return found != null ? found : map.computeIfAbsent(key, k -> new Timer[600]);
    }

    private Timer timer(String method, String route, int status) {
        return Timer.builder(NAME)
                .description("Requests answered by the routes, by route pattern and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
