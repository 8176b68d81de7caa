package dateline.feeds;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.articles.ArticleLookup;
import dateline.articles.ArticleService;
import dateline.articles.ArticleSummary;
import dateline.articles.Section;
import dateline.articles.Tag;
import dateline.comments.CommentService;
import dateline.media.MediaService;
import dateline.site.DiscoverySettings;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import dateline.web.HttpCaching;
import dateline.web.PageCache;
import dateline.web.PageTags;
import dateline.web.PageRequest;
import dateline.web.Paged;
import dateline.web.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The addresses of feeds and of what search engines read. Every list's feeds sit at its address followed
 * by {@code feed/} (RSS 2.0) and {@code feed/atom/} (Atom): {@code /feed/}, {@code /sections/x/feed/},
 * {@code /tags/x/feed/}, {@code /authors/x/feed/}, the comments' {@code /comments/feed/} and each article's
 * {@code /yyyy/mm/dd/slug/feed/}. Then {@code /sitemap.xml} with its files under {@code /sitemaps/},
 * {@code /news-sitemap.xml} and {@code /robots.txt}. Everything is sent with an ETag and, when it has one,
 * the Last-Modified of its newest substantive change, and answers a matching conditional GET with 304.
 *
 * <p>These routes must come before the article routes: {@code /sections/x/feed/atom/} has the shape of an
 * article's address.
 */
public final class FeedRoutes implements RouteGroup {
    private static final Pattern DATE_PART = Pattern.compile("\\d{2,4}");
    private static final String XML = "application/xml; charset=utf-8";

    private final ArticleService articles;
    private final AccountService accounts;
    private final SiteService site;
    private final ArticleFeeds articleFeeds;
    private final CommentFeeds commentFeeds;
    private final Sitemaps sitemaps;

    public FeedRoutes(ArticleService articles, AccountService accounts, CommentService comments, MediaService media,
                      SiteService site, String baseUrl, Clock clock) {
        this.articles = articles;
        this.accounts = accounts;
        this.site = site;
        FeedWriter writer = new FeedWriter(baseUrl);
        FeedIds ids = new FeedIds(baseUrl);
        this.articleFeeds = new ArticleFeeds(articles, media, writer, ids);
        this.commentFeeds = new CommentFeeds(comments, articles, writer, ids);
        this.sitemaps = new Sitemaps(articles, baseUrl, clock);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (FeedFormat format : FeedFormat.values()) {
            RouteGroup.readable(routes, format.pathFor("/"), ctx -> front(ctx, format));
            RouteGroup.readable(routes, format.pathFor("/sections/{slug}/"), ctx -> section(ctx, format));
            RouteGroup.readable(routes, format.pathFor("/tags/{slug}/"), ctx -> tag(ctx, format));
            RouteGroup.readable(routes, format.pathFor("/authors/{slug}/"), ctx -> author(ctx, format));
            RouteGroup.readable(routes, format.pathFor("/comments/"), ctx -> {
                PageCache.shows(ctx, PageTags.COMMENTS);
                send(ctx, format, commentFeeds.site(format, site.settings()));
            });
            RouteGroup.readable(routes, format.pathFor("/{year}/{month}/{day}/{slug}/"), ctx -> articleComments(ctx, format));
        }
        RouteGroup.readable(routes, "/sitemap.xml", ctx -> send(ctx, sitemaps.index()));
        RouteGroup.readable(routes, "/sitemaps/{file}", this::sitemapFile);
        RouteGroup.readable(routes, "/news-sitemap.xml", ctx -> send(ctx, sitemaps.news(site.settings())));
        RouteGroup.readable(routes, "/robots.txt", ctx -> {
            PageCache.shows(ctx, PageTags.SITE);
            HttpCaching.send(ctx, sitemaps.robots(), "text/plain; charset=utf-8", null);
        });
    }

    private void front(Context ctx, FeedFormat format) {
        SiteSettings settings = site.settings();
        PageCache.shows(ctx, PageTags.FRONT);
        sendArticles(ctx, format, Channel.of(settings.title(), "/", settings.description().isBlank()
                ? "The latest articles from " + settings.title() + "." : settings.description()), articles::latest);
    }

    private void section(Context ctx, FeedFormat format) {
        Section section = articles.sections().stream().filter(s -> s.slug().equals(ctx.pathParam("slug"))).findFirst()
                .orElseThrow(NotFoundResponse::new);
        PageCache.shows(ctx, PageTags.section(section.id()));
        sendArticles(ctx, format, listChannel(section.name(), section.path(), section.description()),
                page -> articles.inSection(section.id(), page));
    }

    private void tag(Context ctx, FeedFormat format) {
        Tag tag = articles.tagBySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        PageCache.shows(ctx, PageTags.tag(tag.id()));
        sendArticles(ctx, format, listChannel(tag.name(), tag.path(), ""), page -> articles.taggedWith(tag.id(), page));
    }

    private void author(Context ctx, FeedFormat format) {
        Account author = accounts.bySlug(ctx.pathParam("slug")).orElseThrow(NotFoundResponse::new);
        // like the author's page: somebody who has published nothing has no public feed
        if (articles.byAuthor(author.id(), PageRequest.first(1)).items().isEmpty()) throw new NotFoundResponse();
        PageCache.shows(ctx, PageTags.author(author.id()), PageTags.byline(author.id()));
        sendArticles(ctx, format, listChannel(author.name(), "/authors/" + author.slug() + "/", author.bio()),
                page -> articles.byAuthor(author.id(), page));
    }

    private void articleComments(Context ctx, FeedFormat format) {
        for (String part : List.of("year", "month", "day")) {
            if (!DATE_PART.matcher(ctx.pathParam(part)).matches()) throw new NotFoundResponse();
        }
        String path = "/" + ctx.pathParam("year") + "/" + ctx.pathParam("month") + "/" + ctx.pathParam("day") + "/"
                + ctx.pathParam("slug") + "/";
        if (!(articles.find(path) instanceof ArticleLookup.Found found)) throw new NotFoundResponse();
        PageCache.shows(ctx, PageTags.article(found.article().article().id()));
        send(ctx, format, commentFeeds.article(format, found.article(), site.settings()));
    }

    private void sitemapFile(Context ctx) {
        Sitemaps.File file = Sitemaps.File.named(ctx.pathParam("file")).orElseThrow(NotFoundResponse::new);
        send(ctx, sitemaps.file(file).orElseThrow(NotFoundResponse::new));
    }

    private Channel listChannel(String name, String path, String description) {
        String title = name + " – " + site.settings().title();
        return Channel.of(title, path, description == null || description.isBlank()
                ? name + ": the latest articles from " + site.settings().title() + "." : description);
    }

    private void sendArticles(Context ctx, FeedFormat format, Channel channel,
                              Function<PageRequest, Paged<ArticleSummary>> list) {
        SiteSettings settings = site.settings();
        DiscoverySettings discovery = site.discovery();
        List<ArticleSummary> latest = list.apply(PageRequest.first(discovery.feedLength())).items();
        for (ArticleSummary shown : latest) {
            PageCache.shows(ctx, PageTags.listed(shown.id()));
            shown.bylines().forEach(b -> PageCache.shows(ctx, PageTags.byline(b.accountId())));
        }
        send(ctx, format, articleFeeds.write(format, channel, latest, settings, discovery));
    }

    private static void send(Context ctx, FeedFormat format, FeedWriter.Feed feed) {
        HttpCaching.send(ctx, feed.xml(), format.contentType(), feed.lastModified());
    }

    private static void send(Context ctx, Sitemaps.Written sitemap) {
        PageCache.shows(ctx, PageTags.SITEMAPS);
        HttpCaching.send(ctx, sitemap.xml(), XML, sitemap.lastModified());
    }
}
