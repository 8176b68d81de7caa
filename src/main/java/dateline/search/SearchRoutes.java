package dateline.search;

import dateline.web.HttpCaching;
import dateline.web.RouteGroup;
import dateline.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The public search page, {@code /search?q=…}: a form that works without JavaScript, ranked results with
 * highlights, and help when nothing is found. Whatever is typed, the answer is the page, never an error.
 */
public final class SearchRoutes implements RouteGroup {
    private final SearchViews views;
    private final Templates templates;

    public SearchRoutes(SearchViews views, Templates templates) {
        this.views = views;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        RouteGroup.readable(routes, SearchForm.PATH, this::search);
    }

    private void search(Context ctx) {
        SearchForm form = new SearchForm(ctx.queryParam("q"), ctx.queryParam("section"), ctx.queryParam("author"),
                ctx.queryParam("from"), ctx.queryParam("to"), SearchForm.pageOf(ctx.queryParam("page")));
        HttpCaching.sendHtml(ctx, templates.bytes("search/search.jte", views.page(form)), null);
    }
}
