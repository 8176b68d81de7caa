package dateline.api;

import dateline.api.ApiTokens.Bearer;
import dateline.articles.ArticleChanged;
import dateline.articles.ArticleService;
import dateline.comments.CommentService;
import dateline.storage.DatabaseBuckets;
import dateline.web.InvalidInput;
import dateline.web.NotAllowed;
import dateline.web.RouteGroup;
import dateline.web.WebServer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under {@value #BASE}: its route table, the access rule in front of every route (the token,
 * its scope, its account's permission, the rate limits), and the one shape of every refusal:
 * {@code {"error":{"code":"…","message":"…","field":"…"}}}. A token comes only in the
 * {@code Authorization: Bearer} header; the newsroom's session cookie is never taken for one, which is why
 * the site's CSRF check does not apply here.
 */
public final class ApiRoutes implements RouteGroup {
    public static final String BASE = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final String BEARER = "dateline.api-bearer";
    private static final List<HandlerType> ANY_METHOD = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final ApiTokens tokens;
    private final ApiLimits limits;
    private final List<ApiRoute> table;
    private final String openApi;

    public ApiRoutes(ApiTokens tokens, DatabaseBuckets buckets, ArticleApiRoutes articles, CommentApiRoutes comments,
                     DirectoryApiRoutes directory, String baseUrl) {
        this.tokens = tokens;
        this.limits = new ApiLimits(buckets);
        this.openApi = openApiDocument(baseUrl);
        List<ApiRoute> all = new ArrayList<>();
        all.addAll(articles.routes());
        all.addAll(comments.routes());
        all.addAll(directory.routes());
        all.add(ApiRoute.open(BASE + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi)));
        this.table = List.copyOf(all);
    }

    public List<ApiRoute> table() {
        return table;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (ApiRoute route : table) {
            Handler handler = guarded(route);
            if (route.method() == HandlerType.GET) {
                RouteGroup.readable(routes, route.path(), handler);
            } else {
                routes.addHttpHandler(route.method(), route.path(), handler);
            }
        }
        Handler nothingHere = answering(ctx -> {
            throw ApiError.notFound("The API has nothing at " + ctx.method().name() + " " + ctx.path() + ".");
        });
        for (HandlerType method : ANY_METHOD) routes.addHttpHandler(method, BASE + "/*", nothingHere);
    }

    /** Who is asking with a token, on a request the access rule let through; empty for anonymous readers. */
    static Optional<Bearer> bearer(Context ctx) {
        return Optional.ofNullable(ctx.attribute(BEARER));
    }

    /** The bearer behind a route that needs a token. */
    static Bearer requireBearer(Context ctx) {
        return bearer(ctx).orElseThrow(ApiError::missingToken);
    }

    /** Answers the value as JSON with the status. */
    static void send(Context ctx, int status, Object value) {
        ctx.status(status);
        ctx.contentType("application/json");
        ctx.result(ApiJson.write(value));
    }

    /** Reads the request's body as the type, refusing what is not JSON. */
    static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        String body = ctx.body();
        if (!body.isBlank() && (contentType == null || !contentType.toLowerCase().startsWith("application/json"))) {
            throw ApiError.unsupportedMediaType();
        }
        return ApiJson.read(body, type);
    }

    /** The path parameter as an id; anything else names nothing, so it is not found. */
    static long id(Context ctx, String name, String what) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiError.notFound("There is no " + what + " " + ctx.pathParam(name) + ".");
        }
    }

    private Handler guarded(ApiRoute route) {
        return answering(ctx -> {
            Optional<Bearer> bearer = authenticate(ctx);
            ApiLimits.Allowance allowance = bearer.isPresent() ? limits.chargeToken(bearer.get().token().id())
                    : limits.chargeClient(ctx.ip());
            ctx.header("X-RateLimit-Limit", Long.toString(allowance.limit()));
            ctx.header("X-RateLimit-Remaining", Long.toString(allowance.remaining()));
            if (!route.isPublic()) {
                Bearer who = bearer.orElseThrow(ApiError::missingToken);
                if (!who.has(route.scope())) throw ApiError.insufficientScope(route.scope());
                if (!who.can(route.permission())) {
                    throw ApiError.notAllowed("The role of this token's account does not allow this.");
                }
            }
            bearer.ifPresent(b -> ctx.attribute(BEARER, b));
            route.handler().handle(ctx);
        });
    }

    /**
     * The token of the request, if it has one. A request with an Authorization header that is not a valid
     * token is refused, also where no token is needed, and is counted against its client address.
     */
    private Optional<Bearer> authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) return Optional.empty();
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<Bearer> bearer = tokens.identify(token);
        if (bearer.isEmpty()) {
            limits.chargeClient(ctx.ip());
            throw ApiError.invalidToken();
        }
        return bearer;
    }

    /** The handler, with every failure answered in the API's one shape and never cached. */
    private static Handler answering(Handler handler) {
        return ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.attribute(WebServer.OWN_NOT_FOUND_PAGE, true);
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                refuse(ctx, errorFor(ctx, e));
            }
        };
    }

    private static ApiError errorFor(Context ctx, Exception e) {
        if (e instanceof ApiError error) return error;
        if (e instanceof InvalidInput invalid) {
            Map.Entry<String, String> first = invalid.problems().entrySet().iterator().next();
            return ApiError.invalidField(ApiFields.apiName(first.getKey()), first.getValue());
        }
        if (e instanceof NotAllowed refused) return ApiError.notAllowed(refused.getMessage());
        if (e instanceof ArticleService.ArticleNotFound) return ApiError.notFound("There is no such article.");
        if (e instanceof CommentService.CommentNotFound) return ApiError.notFound("There is no such comment.");
        if (e instanceof ArticleChanged changed) {
            return ApiError.conflict("Somebody saved this article since version " + ctx.attribute(ArticleApiRoutes.EXPECTED)
                    + "; it is now at version " + changed.current().article().version() + ". Read it again and "
                    + "send your changes against that version.");
        }
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        return ApiError.of(500, "internal_error", "Something went wrong on our side; it has been logged.");
    }

    private static void refuse(Context ctx, ApiError error) {
        if (error.retryAfter() != null) {
            long seconds = Math.max(1, (error.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
        }
        if (error.status() == 401) ctx.header("WWW-Authenticate", "Bearer realm=\"api\"");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", error.code());
        detail.put("message", error.getMessage());
        if (error.field() != null) detail.put("field", error.field());
        send(ctx, error.status(), Map.of("error", detail));
    }

    /** The OpenAPI document, with this site's address as the server's. */
    private static String openApiDocument(String baseUrl) {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("/api/openapi.json")) {
            if (in == null) throw new IllegalStateException("The OpenAPI document is missing from the build");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{baseUrl}}", baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
