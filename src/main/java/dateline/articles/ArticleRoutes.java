package dateline.articles;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import dateline.web.Cursor;
import dateline.web.HttpCaching;
import dateline.web.PageCache;
import dateline.web.PageTags;
import dateline.web.PageRequest;
import dateline.web.Paged;
import dateline.web.RouteGroup;
import dateline.web.Templates;
import gg.jte.Content;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The public pages of articles: the front page, article pages, and section, tag and author lists. */
public final class ArticleRoutes implements RouteGroup {
    /**
     * What another feature shows under an article's text (the comments): safe HTML for this request,
     * rendered where the article page places it. The feature that provides it is above articles;
     * {@code Wiring} connects them.
     */
    @FunctionalInterface
    public interface Below {
        Content render(FullArticle article, Context ctx);
    }

    private static final Pattern DATE_PART = Pattern.compile("\\d{2,4}");

    private final ArticleService articles;
    private final AccountService accounts;
    private final SiteService site;
    private final ArticleViews views;
    private final Templates templates;
    private final Below below;
    private final Handler otherAddresses;

    /**
     * {@code otherAddresses} answers an address that has the shape of an article's (four or five parts) but no
     * date in it, such as a standing page three levels below another: the article routes claim every address
     * of that shape, and hand on the ones that are not theirs.
     */
    public ArticleRoutes(ArticleService articles, AccountService accounts, SiteService site, ArticleViews views,
                         Templates templates, Below below, Handler otherAddresses) {
        this.below = below;
        this.otherAddresses = otherAddresses;
        this.articles = articles;
        this.accounts = accounts;
        this.site = site;
        this.views = views;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        RouteGroup.readable(routes, "/", this::front);
        RouteGroup.readable(routes, "/sections/{slug}/", this::section);
        RouteGroup.readable(routes, "/tags/{slug}/", this::tag);
        RouteGroup.readable(routes, "/authors/{slug}/", this::author);
        RouteGroup.readable(routes, "/{year}/{month}/{day}/{slug}/", this::article);
        RouteGroup.readable(routes, "/{year}/{month}/{day}/{slug}/history/", this::history);
        RouteGroup.readable(routes, "/corrections/", this::corrections);
    }

    private void front(Context ctx) {
        SiteSettings settings = site.settings();
        Paged<ArticleSummary> page = articles.latest(pageRequest(ctx, settings));
        PageCache.shows(ctx, PageTags.FRONT);
        // the pins top the first page only; the pages of older articles go by date alone
        List<ArticleSummary> pinned = isFirstPage(ctx) ? articles.pinned() : List.of();
        sendListing(ctx, page, pinned, settings, articles.sections(), "/", null, settings.title(), settings.description());
    }

    private void section(Context ctx) {
        if (redirectedToSlash(ctx)) return;
        SiteSettings settings = site.settings();
        List<Section> sections = articles.sections();
        Section section = views.sectionBySlug(sections, ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        PageCache.shows(ctx, PageTags.section(section.id()));
        sendListing(ctx, articles.inSection(section.id(), pageRequest(ctx, settings)), List.of(), settings, sections,
                section.path(), "Section", section.name(), section.description());
    }

    private void tag(Context ctx) {
        if (redirectedToSlash(ctx)) return;
        SiteSettings settings = site.settings();
        Tag tag = articles.tagBySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        PageCache.shows(ctx, PageTags.tag(tag.id()));
        sendListing(ctx, articles.taggedWith(tag.id(), pageRequest(ctx, settings)), List.of(), settings, articles.sections(),
                tag.path(), "Tag", tag.name(), "");
    }

    private void author(Context ctx) {
        if (redirectedToSlash(ctx)) return;
        SiteSettings settings = site.settings();
        Account author = accounts.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        PageCache.shows(ctx, PageTags.author(author.id()), PageTags.byline(author.id()));
        Paged<ArticleSummary> page = articles.byAuthor(author.id(), pageRequest(ctx, settings));
        if (page.items().isEmpty() && isFirstPage(ctx)) throw new NotFoundResponse();
        sendListing(ctx, page, List.of(), settings, articles.sections(), "/authors/" + author.slug() + "/", "Author",
                author.name(), author.bio());
    }

    private void article(Context ctx) throws Exception {
        if (!isDatePath(ctx)) {
            otherAddresses.handle(ctx);
            return;
        }
        if (redirectedToSlash(ctx)) return;
        ArticleLookup lookup = articles.find(ctx.path());
        if (lookup instanceof ArticleLookup.Moved moved) {
            ctx.redirect(moved.path(), HttpStatus.MOVED_PERMANENTLY);
        } else if (lookup instanceof ArticleLookup.Found found) {
            PageCache.shows(ctx, PageTags.article(found.article().article().id()));
            found.article().bylines().forEach(b -> PageCache.shows(ctx, PageTags.byline(b.accountId())));
            ArticlePage page = views.articlePage(found.article(), site.settings(), articles.sections())
                    .withBelow(below.render(found.article(), ctx));
            HttpCaching.sendHtml(ctx, templates.bytes("articles/article.jte", page), found.article().article().modifiedAt());
        } else {
            throw new NotFoundResponse();
        }
    }

    private void history(Context ctx) throws Exception {
        if (!isDatePath(ctx)) {
            otherAddresses.handle(ctx);
            return;
        }
        if (redirectedToSlash(ctx)) return;
        String articlePath = ctx.path().substring(0, ctx.path().length() - "history/".length());
        ArticleHistory history = articles.history(articlePath).orElseThrow(NotFoundResponse::new);
        HistoryPage page = views.historyPage(history, site.settings(), articles.sections());
        HttpCaching.sendHtml(ctx, templates.bytes("articles/history.jte", page), history.article().article().modifiedAt());
    }

    private void corrections(Context ctx) {
        if (redirectedToSlash(ctx)) return;
        Cursor before = cursorParam(ctx, "before");
        var page = articles.corrections(new PageRequest(before, null, 50));
        if (page.items().isEmpty() && before != null) throw new NotFoundResponse();
        String query = before == null ? "" : "?before=" + before.encode();
        CorrectionsPage corrections = views.correctionsPage(page, site.settings(), articles.sections(), query);
        HttpCaching.sendHtml(ctx, templates.bytes("articles/corrections.jte", corrections),
                page.items().isEmpty() ? null : page.items().get(0).happenedAt());
    }

    private static boolean isDatePath(Context ctx) {
        return DATE_PART.matcher(ctx.pathParam("year")).matches()
                && DATE_PART.matcher(ctx.pathParam("month")).matches()
                && DATE_PART.matcher(ctx.pathParam("day")).matches();
    }

    /**
     * The answer for any address that leads nowhere: a permanent redirect when an article once lived there,
     * otherwise the helpful 404 page.
     */
    public void notFound(Context ctx) {
        boolean reading = ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD");
        Optional<String> moved = reading ? articles.redirectFor(ctx.path()) : Optional.empty();
        if (moved.isPresent()) {
            ctx.redirect(moved.get(), HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        SiteSettings settings = site.settings();
        List<Section> sections = articles.sections();
        List<ArticleSummary> latest = articles.latest(PageRequest.first(5)).items();
        ctx.status(HttpStatus.NOT_FOUND);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(templates.bytes("articles/not_found.jte", views.notFoundPage(latest, settings, sections, ctx.path())));
    }

    /** A list page; {@code pinned} are the articles shown above the list, on the front page's first page. */
    private void sendListing(Context ctx, Paged<ArticleSummary> page, List<ArticleSummary> pinned, SiteSettings settings,
                             List<Section> sections, String path, String kind, String heading, String intro) {
        if (page.items().isEmpty() && !isFirstPage(ctx)) throw new NotFoundResponse();
        String query = isFirstPage(ctx) ? "" : "?" + (ctx.queryParam("before") != null
                ? "before=" + ctx.queryParam("before") : "after=" + ctx.queryParam("after"));
        List<ArticleSummary> shown = java.util.stream.Stream.concat(pinned.stream(), page.items().stream()).toList();
        for (ArticleSummary each : shown) {
            PageCache.shows(ctx, PageTags.listed(each.id()));
            each.bylines().forEach(b -> PageCache.shows(ctx, PageTags.byline(b.accountId())));
        }
        ListingPage listing = views.listingPage(page, pinned, settings, sections, path, query, kind, heading, intro);
        // a pin changes the page without changing any article in substance: its moment counts as a change
        Instant lastModified = java.util.stream.Stream.concat(shown.stream().map(ArticleSummary::modifiedAt),
                        pinned.stream().map(ArticleSummary::pinnedAt))
                .filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
        HttpCaching.sendHtml(ctx, templates.bytes("articles/listing.jte", listing), lastModified);
    }

    private static PageRequest pageRequest(Context ctx, SiteSettings settings) {
        Cursor before = cursorParam(ctx, "before");
        Cursor after = before == null ? cursorParam(ctx, "after") : null;
        return new PageRequest(before, after, settings.articlesPerPage());
    }

    private static Cursor cursorParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) return null;
        return Cursor.parse(value).orElseThrow(NotFoundResponse::new);
    }

    private static boolean isFirstPage(Context ctx) {
        return ctx.queryParam("before") == null && ctx.queryParam("after") == null;
    }

    /** Every page lives at one address, with a trailing slash; the other spelling moves there for good. */
    private static boolean redirectedToSlash(Context ctx) {
        if (ctx.path().endsWith("/")) return false;
        String query = ctx.queryString();
        ctx.redirect(ctx.path() + "/" + (query == null ? "" : "?" + query), HttpStatus.MOVED_PERMANENTLY);
        return true;
    }
}
