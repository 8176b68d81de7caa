package dateline.pages;

import dateline.markup.Excerpts;
import dateline.markup.SafeHtml;
import dateline.site.SiteService;
import dateline.web.FrameSource;
import dateline.web.Head;
import dateline.web.HttpCaching;
import dateline.web.Json;
import dateline.web.Link;
import dateline.web.PageCache;
import dateline.web.PageTags;
import dateline.web.RouteGroup;
import dateline.web.Templates;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published pages at their paths ({@code /about/}, {@code /about/team/}). The route takes any address, so
 * it must be added after every other feature's: Javalin answers with the first route that matches, and
 * this one only gets what nothing else claimed. What it cannot find goes on to the site's 404 page.
 */
public final class PageRoutes implements RouteGroup {
    private final PageService pages;
    private final SiteService site;
    private final FrameSource frames;
    private final Templates templates;
    private final String baseUrl;

    public PageRoutes(PageService pages, SiteService site, FrameSource frames, Templates templates, String baseUrl) {
        this.pages = pages;
        this.site = site;
        this.frames = frames;
        this.templates = templates;
        this.baseUrl = baseUrl;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        RouteGroup.readable(routes, "/<path>", this::show);
    }

    /** Answers a page's address, or not found; also asked by the article routes for addresses of their shape. */
    public void show(Context ctx) {
        String path = ctx.path();
        if (!path.endsWith("/")) {
            // only a page's own address moves to its spelling with a slash; anything else stays a 404
            if (pages.find(path + "/") instanceof PageLookup.Missing) throw new NotFoundResponse();
            ctx.redirect(path + "/", HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        PageLookup lookup = pages.find(path);
        if (lookup instanceof PageLookup.Moved moved) {
            ctx.redirect(moved.path(), HttpStatus.MOVED_PERMANENTLY);
        } else if (lookup instanceof PageLookup.Found found) {
            Page page = found.page();
            List<Page> above = pages.ancestors(page);
            List<String> shown = new ArrayList<>();
            shown.add(PageTags.page(page.id()));
            above.forEach(p -> shown.add(PageTags.page(p.id())));
            PageCache.shows(ctx, shown);
            HttpCaching.sendHtml(ctx, templates.bytes("pages/page.jte", view(page, above)), page.modifiedAt());
        } else {
            throw new NotFoundResponse();
        }
    }

    /**
     * A page as readers will see it once published, whatever its status: for the newsroom's preview, in the
     * site's frame at the page's own address, and never indexed.
     */
    public PageView preview(Page page) {
        PageView shown = view(page, pages.ancestors(page));
        Head head = new Head("Preview: " + page.title() + " – " + site.settings().title(), shown.head().description(),
                null, "noindex, nofollow", List.of(), null);
        return new PageView(shown.frame(), head, shown.title(), shown.bodyHtml(), shown.breadcrumbs());
    }

    private PageView view(Page page, List<Page> above) {
        String siteTitle = site.settings().title();
        String url = baseUrl + page.path();
        String description = Excerpts.of(SafeHtml.toPlainText(page.bodyHtml()), 160);
        List<Head.Meta> meta = List.of(
                Head.Meta.property("og:type", "website"),
                Head.Meta.property("og:title", page.title()),
                Head.Meta.property("og:url", url),
                Head.Meta.property("og:site_name", siteTitle),
                Head.Meta.property("og:description", description));
        Map<String, Object> jsonLd = new LinkedHashMap<>();
        jsonLd.put("@context", "https://schema.org");
        jsonLd.put("@type", "WebPage");
        jsonLd.put("name", page.title());
        jsonLd.put("url", url);
        if (!description.isEmpty()) jsonLd.put("description", description);
        Head head = new Head(page.title() + " – " + siteTitle, description, url, null, meta, Json.forScript(jsonLd));
        List<Link> breadcrumbs = above.stream().map(p -> new Link(p.title(), p.path())).toList();
        return new PageView(frames.frameAt(page.path()), head, page.title(), page.bodyHtml(), breadcrumbs);
    }
}
