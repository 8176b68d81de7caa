package dateline.admin;

import dateline.accounts.Permission;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One route of the newsroom with the permission it needs: the access rule is part of the route table. */
public record AdminRoute(HandlerType method, String path, Permission permission, Handler handler) {
    static AdminRoute get(String path, Permission permission, Handler handler) {
        return new AdminRoute(HandlerType.GET, path, permission, handler);
    }

    static AdminRoute post(String path, Permission permission, Handler handler) {
        return new AdminRoute(HandlerType.POST, path, permission, handler);
    }
}
