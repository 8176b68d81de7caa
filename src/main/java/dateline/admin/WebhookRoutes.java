package dateline.admin;

import dateline.accounts.Permission;
import dateline.site.SiteService;
import dateline.site.SiteTime;
import dateline.web.Cursor;
import dateline.web.InvalidInput;
import dateline.web.PageRequest;
import dateline.web.Paged;
import dateline.webhooks.Delivery;
import dateline.webhooks.DeliveryStatus;
import dateline.webhooks.Webhook;
import dateline.webhooks.WebhookEvent;
import dateline.webhooks.WebhookService;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The webhooks screen, for administrators: the list and the form to add one; each webhook with its secret,
 * pausing, resuming, deleting, a test ping, and its delivery log, where a failed delivery can be redelivered.
 */
public final class WebhookRoutes {
    private static final int LOG_SIZE = 25;
    private static final String BASE = "/admin/webhooks";

    private final WebhookService webhooks;
    private final SiteService site;
    private final Newsroom newsroom;

    public WebhookRoutes(WebhookService webhooks, SiteService site, Newsroom newsroom) {
        this.webhooks = webhooks;
        this.site = site;
        this.newsroom = newsroom;
    }

    List<AdminRoute> routes() {
        Permission p = Permission.MANAGE_SETTINGS;
        return List.of(
                AdminRoute.get(BASE, p, ctx -> list(ctx, HttpStatus.OK, "", Set.of(), Map.of(),
                        "deleted".equals(ctx.queryParam("done")) ? "The webhook is deleted." : null)),
                AdminRoute.post(BASE, p, this::add),
                AdminRoute.get(BASE + "/{id}", p, ctx -> show(ctx, HttpStatus.OK, notice(ctx.queryParam("done")), null)),
                AdminRoute.post(BASE + "/{id}/pause", p, ctx -> setActive(ctx, false)),
                AdminRoute.post(BASE + "/{id}/resume", p, ctx -> setActive(ctx, true)),
                AdminRoute.post(BASE + "/{id}/ping", p, this::ping),
                AdminRoute.post(BASE + "/{id}/delete", p, this::delete),
                AdminRoute.post(BASE + "/{id}/deliveries/{delivery}/redeliver", p, this::redeliver));
    }

    private void add(Context ctx) {
        String url = ctx.formParam("url") == null ? "" : ctx.formParam("url");
        Set<String> chosen = new LinkedHashSet<>(ctx.formParams("events"));
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (WebhookEvent event : WebhookEvent.subscribable()) if (chosen.contains(event.code())) events.add(event);
        try {
            Webhook added = webhooks.add(url, events, Newsroom.member(ctx).account());
            ctx.redirect(BASE + "/" + added.id() + "?done=added", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            list(ctx, HttpStatus.UNPROCESSABLE_CONTENT, url, chosen, e.problems(), null);
        }
    }

    private void setActive(Context ctx, boolean active) {
        Webhook webhook = existing(ctx);
        webhooks.setActive(webhook.id(), active, Newsroom.member(ctx).account());
        ctx.redirect(BASE + "/" + webhook.id() + "?done=" + (active ? "resumed" : "paused"), HttpStatus.SEE_OTHER);
    }

    private void ping(Context ctx) {
        Webhook webhook = existing(ctx);
        webhooks.ping(webhook.id(), Newsroom.member(ctx).account());
        ctx.redirect(BASE + "/" + webhook.id() + "?done=pinged", HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx) {
        Webhook webhook = existing(ctx);
        if (!"yes".equals(ctx.formParam("confirm"))) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, null, "Tick the box to confirm that the webhook and its "
                    + "delivery log are to be deleted.");
            return;
        }
        webhooks.delete(webhook.id(), Newsroom.member(ctx).account());
        ctx.redirect(BASE + "?done=deleted", HttpStatus.SEE_OTHER);
    }

    private void redeliver(Context ctx) {
        Webhook webhook = existing(ctx);
        Long deliveryId = Ids.of(ctx.pathParam("delivery"));
        Delivery delivery = deliveryId == null ? null : webhooks.delivery(deliveryId)
                .filter(d -> d.webhookId() == webhook.id()).orElse(null);
        if (delivery == null) throw new NotFoundResponse();
        try {
            webhooks.redeliver(delivery.id(), Newsroom.member(ctx).account());
            ctx.redirect(BASE + "/" + webhook.id() + "?done=redelivering", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            show(ctx, HttpStatus.CONFLICT, null, e.problems().values().iterator().next());
        }
    }

    private Webhook existing(Context ctx) {
        Long id = Ids.of(ctx.pathParam("id"));
        return (id == null ? java.util.Optional.<Webhook>empty() : webhooks.byId(id))
                .orElseThrow(NotFoundResponse::new);
    }

    private void list(Context ctx, HttpStatus status, String url, Set<String> chosen, Map<String, String> problems,
                      String notice) {
        SiteTime time = site.settings().time();
        List<WebhooksPage.Row> rows = webhooks.all().stream().map(w -> new WebhooksPage.Row(w.url(),
                BASE + "/" + w.id(), eventNames(w), w.active(), time.dateAndTime(w.createdAt()))).toList();
        newsroom.render(ctx, status, "admin/webhooks.jte", new WebhooksPage(newsroom.frame(ctx), rows,
                WebhookEvent.subscribable(), url, chosen, problems, notice));
    }

    private void show(Context ctx, HttpStatus status, String notice, String problem) {
        Webhook webhook = existing(ctx);
        Cursor before = Cursor.parse(ctx.queryParam("before")).orElse(null);
        Cursor after = before != null ? null : Cursor.parse(ctx.queryParam("after")).orElse(null);
        Paged<Delivery> page = webhooks.deliveries(webhook.id(), new PageRequest(before, after, LOG_SIZE));
        SiteTime time = site.settings().time();
        List<WebhookPage.Row> rows = page.items().stream().map(d -> new WebhookPage.Row(d.id(), d.event(),
                d.status().code(), d.status().label(), d.attempts(),
                d.lastStatus() == null ? "" : Integer.toString(d.lastStatus()),
                d.lastError() == null ? "" : d.lastError(), time.dateAndTime(d.createdAt()),
                d.deliveredAt() != null ? time.dateAndTime(d.deliveredAt())
                        : d.failedAt() != null ? time.dateAndTime(d.failedAt()) : null,
                d.status() == DeliveryStatus.PENDING ? time.dateAndTime(d.nextAttemptAt()) : null,
                d.payload(), d.status() == DeliveryStatus.FAILED)).toList();
        String here = BASE + "/" + webhook.id();
        String newer = page.newerIsFirstPage() ? here : page.newer() == null ? null : here + "?after=" + page.newer().encode();
        String older = page.older() == null ? null : here + "?before=" + page.older().encode();
        newsroom.render(ctx, status, "admin/webhook.jte", new WebhookPage(newsroom.frame(ctx), webhook.id(), webhook.url(),
                webhook.secret(), eventNames(webhook), webhook.active(), time.dateAndTime(webhook.createdAt()), rows,
                newer, older, notice, problem));
    }

    private static List<String> eventNames(Webhook webhook) {
        return WebhookEvent.subscribable().stream().filter(e -> webhook.events().contains(e)).map(WebhookEvent::code).toList();
    }

    private static String notice(String done) {
        if (done == null) return null;
        return switch (done) {
            case "added" -> "The webhook is added. Give its secret to the receiver, so that it can check each delivery's signature.";
            case "paused" -> "The webhook is paused: no new deliveries are written for it.";
            case "resumed" -> "The webhook is active again.";
            case "pinged" -> "A ping is on its way; it appears in the delivery log below.";
            case "redelivering" -> "The delivery will be tried again in a moment.";
            default -> null;
        };
    }
}
