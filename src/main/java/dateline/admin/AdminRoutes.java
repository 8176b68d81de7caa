package dateline.admin;

import dateline.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The newsroom's route table. Every route carries the permission it needs, and is registered behind the
 * access rule that checks it; the table is public so that a test can prove the rule for every route and
 * every role.
 */
public final class AdminRoutes implements RouteGroup {
    private final Newsroom newsroom;
    private final List<AdminRoute> table;

    public AdminRoutes(Newsroom newsroom, ArticleDeskRoutes desk, CommentDeskRoutes comments, MediaDeskRoutes media,
                       SettingsRoutes settings, SectionRoutes sections, StaffRoutes staff,
                       TokenRoutes tokens, WebhookRoutes webhooks, PageDeskRoutes pages, TransferRoutes transfer) {
        this.newsroom = newsroom;
        List<AdminRoute> all = new ArrayList<>();
        all.addAll(desk.routes());
        all.addAll(comments.routes());
        all.addAll(media.routes());
        all.addAll(settings.routes());
        all.addAll(sections.routes());
        all.addAll(staff.routes());
        all.addAll(tokens.routes());
        all.addAll(webhooks.routes());
        all.addAll(pages.routes());
        all.addAll(transfer.routes());
        this.table = List.copyOf(all);
    }

    public List<AdminRoute> table() {
        return table;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (AdminRoute route : table) {
            var handler = newsroom.guarded(route.permission(), route.handler());
            if (route.method() == HandlerType.GET) {
                RouteGroup.readable(routes, route.path(), handler);
            } else {
                routes.addHttpHandler(route.method(), route.path(), handler);
            }
        }
    }
}
