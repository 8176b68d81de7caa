package dateline.admin;

import dateline.accounts.Permission;
import dateline.accounts.SignedIn;
import dateline.articles.ArticleService;
import dateline.articles.FullArticle;
import dateline.comments.Comment;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.markup.CommentText;
import dateline.markup.Excerpts;
import dateline.site.SiteService;
import dateline.site.SiteTime;
import dateline.web.Cursor;
import dateline.web.InvalidInput;
import dateline.web.Json;
import dateline.web.NavLink;
import dateline.web.Paged;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The newsroom's comment desk: the moderation queue by status with search and bulk actions, each comment
 * with its record of decisions, editing, replying as the newsroom, and readers' personal data on request.
 */
public final class CommentDeskRoutes {
    private static final int QUEUE_SIZE = 40;

    private final CommentService comments;
    private final ArticleService articles;
    private final SiteService site;
    private final Newsroom newsroom;

    public CommentDeskRoutes(CommentService comments, ArticleService articles, SiteService site, Newsroom newsroom) {
        this.comments = comments;
        this.articles = articles;
        this.site = site;
        this.newsroom = newsroom;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/admin/comments", Permission.MODERATE_COMMENTS, this::queue),
                AdminRoute.post("/admin/comments/bulk", Permission.MODERATE_COMMENTS, this::bulk),
                AdminRoute.get("/admin/comments/{id}", Permission.MODERATE_COMMENTS, ctx -> show(ctx, HttpStatus.OK, Map.of(),
                        Map.of(), notice(ctx.queryParam("done")))),
                AdminRoute.post("/admin/comments/{id}/moderate", Permission.MODERATE_COMMENTS, this::moderate),
                AdminRoute.post("/admin/comments/{id}/edit", Permission.MODERATE_COMMENTS, this::edit),
                AdminRoute.post("/admin/comments/{id}/reply", Permission.MODERATE_COMMENTS, this::reply),
                AdminRoute.get("/admin/privacy", Permission.MANAGE_SETTINGS, ctx -> privacy(ctx, HttpStatus.OK, Map.of(),
                        Map.of(), null)),
                AdminRoute.post("/admin/privacy/export", Permission.MANAGE_SETTINGS, this::export),
                AdminRoute.post("/admin/privacy/erase", Permission.MANAGE_SETTINGS, this::erase));
    }

    private void queue(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        CommentStatus status = CommentStatus.named(String.valueOf(ctx.queryParam("status"))).orElse(CommentStatus.PENDING);
        String search = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        Cursor before = Cursor.parse(ctx.queryParam("before")).orElse(null);
        Paged<Comment> page = comments.queue(status, search, before, QUEUE_SIZE, member.account());
        Map<CommentStatus, Long> counts = comments.counts();
        List<NavLink> tabs = Arrays.stream(CommentStatus.values()).map(s -> new NavLink(
                s.label() + " (" + counts.get(s) + ")", "/admin/comments?status=" + s.code(), s == status)).toList();
        SiteTime time = site.settings().time();
        Map<Long, Optional<FullArticle>> seen = new HashMap<>();
        List<CommentQueuePage.Row> rows = page.items().stream().map(c -> {
            Optional<FullArticle> article = seen.computeIfAbsent(c.articleId(), articles::full);
            return new CommentQueuePage.Row(c.id(), c.authorName(), c.authorEmail(), c.authorWebsite(),
                    c.clientAddress() == null ? "" : c.clientAddress(),
                    Excerpts.of(CommentText.toPlainText(c.body()), 240),
                    article.map(f -> f.article().headline()).orElse("(removed article)"),
                    article.map(f -> "/admin/articles/" + f.article().id()).orElse(null), time.dateAndTime(c.createdAt()),
                    c.byStaff(), SpamJudgement.of(c));
        }).toList();
        String olderUrl = page.older() == null ? null : "/admin/comments?status=" + status.code()
                + (search.isEmpty() ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8))
                + "&before=" + page.older().encode();
        newsroom.render(ctx, HttpStatus.OK, "admin/comments.jte", new CommentQueuePage(newsroom.frame(ctx), tabs,
                status.code(), search, rows, olderUrl, actionsFor(status), notice(ctx.queryParam("done"))));
    }

    private void bulk(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        Optional<CommentService.Action> action = CommentService.Action.named(String.valueOf(ctx.formParam("action")));
        List<Long> ids = ctx.formParams("ids").stream().map(Ids::of).filter(Objects::nonNull).toList();
        String back = "/admin/comments?status=" + CommentStatus.named(String.valueOf(ctx.formParam("status")))
                .orElse(CommentStatus.PENDING).code();
        if (action.isEmpty() || ids.isEmpty()) {
            ctx.redirect(back + "&done=nothing", HttpStatus.SEE_OTHER);
            return;
        }
        comments.moderateAll(ids, action.get(), member.account());
        ctx.redirect(back + "&done=" + action.get().code(), HttpStatus.SEE_OTHER);
    }

    private void moderate(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        Comment comment = existing(ctx);
        CommentService.Action action = CommentService.Action.named(String.valueOf(ctx.formParam("action")))
                .orElseThrow(() -> new NotFoundResponse());
        comments.moderate(comment.id(), action, ctx.formParam("reason"), member.account());
        ctx.redirect("/admin/comments/" + comment.id() + "?done=" + action.code(), HttpStatus.SEE_OTHER);
    }

    private void edit(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        Comment comment = existing(ctx);
        String text = ctx.formParam("comment") == null ? "" : ctx.formParam("comment");
        try {
            comments.edit(comment.id(), text, member.account());
        } catch (InvalidInput e) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("comment", text), e.problems(), null);
            return;
        }
        ctx.redirect("/admin/comments/" + comment.id() + "?done=edited", HttpStatus.SEE_OTHER);
    }

    private void reply(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        Comment comment = existing(ctx);
        String text = ctx.formParam("reply") == null ? "" : ctx.formParam("reply");
        Comment reply;
        try {
            reply = comments.replyAsStaff(comment.id(), text, member.account());
        } catch (InvalidInput e) {
            show(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("reply", text), e.problems(), null);
            return;
        }
        ctx.redirect("/admin/comments/" + reply.id() + "?done=replied", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, HttpStatus status, Map<String, String> values, Map<String, String> problems,
                      String notice) {
        SignedIn member = Newsroom.member(ctx);
        Comment c = existing(ctx);
        SiteTime time = site.settings().time();
        Optional<FullArticle> article = articles.full(c.articleId());
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.putIfAbsent("comment", c.body());
        List<CommentPage.LogLine> log = comments.log(c.id(), member.account()).stream()
                .map(e -> CommentPage.LogLine.of(e, time)).toList();
        newsroom.render(ctx, status, "admin/comment.jte", new CommentPage(newsroom.frame(ctx), c.id(), c.status().code(),
                c.status().label(), c.authorName(), c.authorEmail(), c.authorWebsite(),
                c.clientAddress() == null ? "forgotten after the retention period" : c.clientAddress(),
                c.userAgent() == null ? "forgotten after the retention period" : c.userAgent(), time.dateAndTime(c.createdAt()),
                SpamJudgement.of(c), c.bodyHtml(), article.map(f -> f.article().headline()).orElse("(removed article)"),
                article.map(f -> "/admin/articles/" + f.article().id()).orElse(null),
                article.filter(f -> f.article().status().isPublic() && c.status() == CommentStatus.APPROVED)
                        .map(f -> f.article().path() + "#comment-" + c.id()).orElse(null),
                actionsFor(c.status()), log, shown, problems, notice));
    }

    private void privacy(Context ctx, HttpStatus status, Map<String, String> values, Map<String, String> problems,
                         String notice) {
        newsroom.render(ctx, status, "admin/privacy.jte", new PrivacyPage(newsroom.frame(ctx), values, problems, notice));
    }

    private void export(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        if (email.isEmpty()) {
            privacy(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("email", email),
                    Map.of("email", "Enter the reader's email address."), null);
            return;
        }
        List<Map<String, Object>> data = comments.export(email, member.account());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("email", email.toLowerCase(java.util.Locale.ROOT));
        document.put("site", site.settings().title());
        document.put("comments", data);
        ctx.header("Content-Disposition", "attachment; filename=\"comments-personal-data.json\"");
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(Json.write(document));
    }

    private void erase(Context ctx) {
        SignedIn member = Newsroom.member(ctx);
        String email = ctx.formParam("email") == null ? "" : ctx.formParam("email").strip();
        boolean removeText = "remove".equals(ctx.formParam("text"));
        Map<String, String> values = Map.of("erase_email", email, "text", removeText ? "remove" : "keep");
        if (ctx.formParam("confirm") == null) {
            privacy(ctx, HttpStatus.UNPROCESSABLE_CONTENT, values,
                    Map.of("confirm", "Tick the box to confirm: erasing cannot be undone."), null);
            return;
        }
        try {
            int changed = comments.erase(email, removeText, member.account());
            privacy(ctx, HttpStatus.OK, Map.of(), Map.of(), changed == 0 ? "No comment has this address."
                    : changed + (changed == 1 ? " comment is" : " comments are") + " now anonymous"
                    + (removeText ? ", their text removed." : "."));
        } catch (InvalidInput e) {
            privacy(ctx, HttpStatus.UNPROCESSABLE_CONTENT, values, Map.of("erase_email", e.problems().get("email")), null);
        }
    }

    private Comment existing(Context ctx) {
        Long id = Ids.of(ctx.pathParam("id"));
        if (id == null) throw new NotFoundResponse();
        return comments.byId(id).orElseThrow(NotFoundResponse::new);
    }

    /** What a moderator can do to a comment of this status. */
    private static List<String> actionsFor(CommentStatus status) {
        List<String> actions = new ArrayList<>();
        switch (status) {
            case PENDING -> actions.addAll(List.of("approve", "spam", "trash"));
            case APPROVED -> actions.addAll(List.of("unapprove", "spam", "trash"));
            case SPAM, TRASH -> actions.addAll(List.of("restore", "approve"));
        }
        return actions;
    }

    private static String notice(String done) {
        if (done == null) return null;
        return switch (done) {
            case "approve" -> "Approved: readers see it.";
            case "unapprove" -> "Unapproved: it waits again.";
            case "spam" -> "Marked as spam.";
            case "trash" -> "Moved to the trash.";
            case "restore" -> "Restored: it waits for a decision.";
            case "edited" -> "The comment is saved.";
            case "replied" -> "Your reply is published.";
            case "nothing" -> "Choose comments and an action.";
            default -> null;
        };
    }
}
