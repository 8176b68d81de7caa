package dateline.imports;

import dateline.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The old site's addresses, answered with a permanent redirect to where their content lives now. The
 * root with a WordPress query ({@code /?p=12}) is looked at before the front page is rendered (the page
 * cache never keeps an address with such a query, so it cannot answer first); any other address is looked
 * up only when no route found anything there, just before the site's 404 page.
 */
public final class FormerAddressRoutes implements RouteGroup {
    private final ImportService imports;

    public FormerAddressRoutes(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before("/", ctx -> {
            if (ctx.queryString() != null && redirected(ctx)) ctx.skipRemainingHandlers();
        });
    }

    /** The answer for an address nothing else claims: a redirect when the old site had something there, else {@code otherwise}. */
    public Handler orElse(Handler otherwise) {
        return ctx -> {
            if (!redirected(ctx)) otherwise.handle(ctx);
        };
    }

    private boolean redirected(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) return false;
        Optional<String> target = imports.redirectFor(ctx.path(), ctx.queryString());
        if (target.isEmpty() || target.get().equals(ctx.path())) return false;
        ctx.redirect(target.get(), HttpStatus.MOVED_PERMANENTLY);
        return true;
    }
}
