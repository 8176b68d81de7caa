package dateline.api;

import dateline.accounts.Permission;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the API with what it needs: nothing (public reading), or a token with a scope whose account's
 * role has a permission. The access rule is part of the route table, which the OpenAPI document must match.
 */
public record ApiRoute(HandlerType method, String path, Scope scope, Permission permission, Handler handler) {
    public boolean isPublic() {
        return scope == null;
    }

    static ApiRoute open(String path, Handler handler) {
        return new ApiRoute(HandlerType.GET, path, null, null, handler);
    }

    static ApiRoute needs(HandlerType method, String path, Scope scope, Permission permission, Handler handler) {
        return new ApiRoute(method, path, scope, permission, handler);
    }
}
