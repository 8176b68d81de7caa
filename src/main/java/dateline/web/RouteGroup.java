package dateline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/** A feature's HTTP surface: it adds its routes to the application's route table. */
public interface RouteGroup {
    void addTo(RoutesConfig routes);

    /**
     * A route that reads: answered for GET and for HEAD (which Javalin does not derive from GET), so that
     * link checkers and caches asking for headers only get the same status and validators.
     */
    static void readable(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
