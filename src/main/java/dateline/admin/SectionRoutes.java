package dateline.admin;

import dateline.accounts.Permission;
import dateline.articles.ArticleService;
import dateline.web.InvalidInput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;

/** The sections screen: the site's sections in navigation order, and opening a new one. */
public final class SectionRoutes {
    private final ArticleService articles;
    private final Newsroom newsroom;

    public SectionRoutes(ArticleService articles, Newsroom newsroom) {
        this.articles = articles;
        this.newsroom = newsroom;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/admin/sections", Permission.MANAGE_SECTIONS, ctx -> render(ctx, HttpStatus.OK, Map.of(),
                        Map.of(), "opened".equals(ctx.queryParam("done")) ? "The section is open." : null)),
                AdminRoute.post("/admin/sections", Permission.MANAGE_SECTIONS, this::open));
    }

    private void open(Context ctx) {
        String name = ctx.formParam("name") == null ? "" : ctx.formParam("name");
        String description = ctx.formParam("description") == null ? "" : ctx.formParam("description");
        try {
            articles.openSection(name, description);
            ctx.redirect("/admin/sections?done=opened", HttpStatus.SEE_OTHER);
        } catch (InvalidInput e) {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("name", name, "description", description), e.problems(), null);
        }
    }

    private void render(Context ctx, HttpStatus status, Map<String, String> values, Map<String, String> problems,
                        String notice) {
        newsroom.render(ctx, status, "admin/sections.jte",
                new SectionsPage(newsroom.frame(ctx), articles.sections(), values, problems, notice));
    }
}
