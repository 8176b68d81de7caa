package dateline.api;

import dateline.accounts.Account;
import dateline.accounts.Permission;
import dateline.articles.ArticleService;
import dateline.comments.Comment;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.web.Cursor;
import dateline.web.Paged;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * Comments through the API: an article's approved comments for anybody; the moderation queue, comments from
 * the newsroom and moderators' decisions with a {@code moderate} token, through {@link CommentService}, so
 * that the moderation log, the spam classifier's learning and the notifications follow as in the newsroom.
 * A commenter's email address and network address never leave it.
 */
public final class CommentApiRoutes {
    private static final String COMMENTS = ApiRoutes.BASE + "/comments";

    /** A comment from the newsroom: a thread of its own, or a reply to {@code parent_id}. */
    record NewComment(String text, Long parentId) {}

    /** Why a moderator decided as they did, for the moderation log; optional. */
    record Decision(String reason) {}

    private final CommentService comments;
    private final ArticleService articles;
    private final ApiViews views;

    public CommentApiRoutes(CommentService comments, ArticleService articles, String baseUrl) {
        this.comments = comments;
        this.articles = articles;
        this.views = new ApiViews(baseUrl);
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.open(ApiRoutes.BASE + "/articles/{id}/comments", this::ofArticle),
                ApiRoute.needs(HandlerType.POST, ApiRoutes.BASE + "/articles/{id}/comments", Scope.MODERATE,
                        Permission.MODERATE_COMMENTS, this::post),
                ApiRoute.needs(HandlerType.GET, COMMENTS, Scope.MODERATE, Permission.MODERATE_COMMENTS, this::queue),
                decision("approve", CommentService.Action.APPROVE),
                decision("spam", CommentService.Action.SPAM),
                decision("trash", CommentService.Action.TRASH));
    }

    private ApiRoute decision(String verb, CommentService.Action action) {
        return ApiRoute.needs(HandlerType.POST, COMMENTS + "/{id}/" + verb, Scope.MODERATE, Permission.MODERATE_COMMENTS,
                ctx -> moderate(ctx, action));
    }

    private void ofArticle(Context ctx) {
        long id = publicArticle(ctx);
        ApiRoutes.send(ctx, 200, new ApiViews.Page<>(comments.approvedOn(id).stream().map(views::comment).toList(), null));
    }

    private void post(Context ctx) {
        Account by = ApiRoutes.requireBearer(ctx).account();
        long articleId = publicArticle(ctx);
        NewComment in = ApiRoutes.body(ctx, NewComment.class);
        String text = in.text() == null ? "" : in.text();
        Comment stored;
        if (in.parentId() == null) {
            stored = comments.commentAsStaff(articleId, text, by);
        } else {
            comments.byId(in.parentId()).filter(p -> p.articleId() == articleId).orElseThrow(() ->
                    ApiError.invalidField("parent_id", "There is no comment " + in.parentId() + " under this article."));
            stored = comments.replyAsStaff(in.parentId(), text, by);
        }
        ApiRoutes.send(ctx, 201, views.comment(stored));
    }

    private void queue(Context ctx) {
        Account by = ApiRoutes.requireBearer(ctx).account();
        String code = ctx.queryParam("status") == null ? "pending" : ctx.queryParam("status");
        CommentStatus status = CommentStatus.named(code).orElseThrow(() ->
                ApiError.invalidField("status", "The status is one of pending, approved, spam, trash."));
        String cursor = ctx.queryParam("cursor");
        Cursor before = cursor == null ? null : Cursor.parse(cursor).orElseThrow(() ->
                ApiError.invalidField("cursor", "This cursor is not one the API gave; start from the first page."));
        Paged<Comment> page = comments.queue(status, null, before, ArticleApiRoutes.limit(ctx), by);
        ApiRoutes.send(ctx, 200, new ApiViews.Page<>(page.items().stream().map(views::comment).toList(),
                page.older() == null ? null : page.older().encode()));
    }

    private void moderate(Context ctx, CommentService.Action action) {
        Account by = ApiRoutes.requireBearer(ctx).account();
        long id = ApiRoutes.id(ctx, "id", "comment");
        Decision in = ctx.body().isBlank() ? new Decision(null) : ApiRoutes.body(ctx, Decision.class);
        Comment after = comments.moderate(id, action, in.reason() == null ? "through the API" : in.reason(), by);
        ApiRoutes.send(ctx, 200, views.comment(after));
    }

    private long publicArticle(Context ctx) {
        long id = ApiRoutes.id(ctx, "id", "article");
        articles.full(id).filter(f -> f.article().status().isPublic())
                .orElseThrow(() -> ApiError.notFound("There is no published article " + id + "."));
        return id;
    }
}
