package dateline.api;

import dateline.accounts.AccountService;
import dateline.articles.ArticleService;
import java.util.List;

/** The site's sections, tags and authors through the API, for anybody: what its lists of articles filter by. */
public final class DirectoryApiRoutes {
    private final ArticleService articles;
    private final AccountService accounts;
    private final ApiViews views;

    public DirectoryApiRoutes(ArticleService articles, AccountService accounts, String baseUrl) {
        this.articles = articles;
        this.accounts = accounts;
        this.views = new ApiViews(baseUrl);
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.open(ApiRoutes.BASE + "/sections", ctx -> ApiRoutes.send(ctx, 200,
                        new ApiViews.Page<>(articles.sections().stream().map(views::section).toList(), null))),
                ApiRoute.open(ApiRoutes.BASE + "/tags", ctx -> ApiRoutes.send(ctx, 200,
                        new ApiViews.Page<>(articles.tags().stream().map(views::tag).toList(), null))),
                ApiRoute.open(ApiRoutes.BASE + "/authors", ctx -> ApiRoutes.send(ctx, 200,
                        new ApiViews.Page<>(accounts.all().stream().map(views::author).toList(), null))));
    }
}
