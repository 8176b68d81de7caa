package dateline.articles;

import dateline.markup.Excerpts;
import dateline.markup.Markdown;
import dateline.media.MediaFile;
import dateline.media.MediaService;
import dateline.site.Policies;
import dateline.site.Policy;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import dateline.site.SiteTime;
import dateline.web.Assets;
import dateline.web.FeedLink;
import dateline.web.Frame;
import dateline.web.FrameSource;
import dateline.web.Head;
import dateline.web.Head.Meta;
import dateline.web.Json;
import dateline.web.Link;
import dateline.web.NavLink;
import dateline.web.Paged;
import dateline.web.Picture;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns articles into the pages readers see: frame, head, visible dates, bylines and structured data. */
public final class ArticleViews implements FrameSource {
    private static final int DESCRIPTION_LENGTH = 160;

    private final SiteService site;
    private final ArticleService articles;
    private final Markdown markdown;
    private final MediaService media;
    private final Assets assets;
    private final String baseUrl;
    private final Clock clock;
    private final MenuSource menus;

    public ArticleViews(SiteService site, ArticleService articles, MediaService media, Markdown markdown, Assets assets,
                        String baseUrl, Clock clock) {
        this(site, articles, media, markdown, assets, baseUrl, clock, MenuSource.NONE);
    }

    public ArticleViews(SiteService site, ArticleService articles, MediaService media, Markdown markdown, Assets assets,
                        String baseUrl, Clock clock, MenuSource menus) {
        this.menus = menus;
        this.site = site;
        this.articles = articles;
        this.media = media;
        this.markdown = markdown;
        this.assets = assets;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Override
    public Frame frameAt(String path) {
        return frame(site.settings(), articles.sections(), path);
    }

    /**
     * The header shows the menu the newsroom arranged, or the sections while it has none; the footer the
     * publisher's links, then the footer menu.
     */
    Frame frame(SiteSettings settings, List<Section> sections, String path) {
        MenuSource.Menus arranged = menus.menus(sections);
        List<NavLink> navigation = arranged.header().isEmpty()
                ? sections.stream().map(s -> new NavLink(s.name(), s.path(), s.path().equals(path))).toList()
                : arranged.header().stream().map(l -> new NavLink(l.label(), l.url(), l.url().equals(path))).toList();
        Policies policies = site.policies();
        List<Link> footer = new ArrayList<>();
        footer.add(new Link("Corrections", "/corrections/"));
        for (Policy policy : Policy.values()) {
            if (!policy.textIn(policies).isBlank()) footer.add(new Link(policy.title(), policy.path()));
        }
        footer.addAll(arranged.footer());
        List<FeedLink> feeds = new ArrayList<>(FeedLink.of("/", settings.title()));
        feeds.add(new FeedLink(FeedLink.RSS, "Comments on " + settings.title(), "/comments/feed/"));
        return new Frame(settings.title(), settings.description(), settings.language(), navigation, footer,
                assets.url("site.css"), assets.url("icon.svg"), clock.instant().atZone(settings.timezone()).getYear(),
                List.copyOf(feeds));
    }

    /**
     * The publisher as structured data names it. Its logo is the one set in the settings, made absolute,
     * or else the site's icon.
     */
    private ArticleJsonLd.Publisher publisher(SiteSettings settings) {
        String logo = site.discovery().logoUrl();
        String logoUrl = logo.isBlank() ? baseUrl + assets.url("icon.svg") : logo.startsWith("/") ? baseUrl + logo : logo;
        return new ArticleJsonLd.Publisher(settings, site.policies(), baseUrl, logoUrl);
    }

    HistoryPage historyPage(ArticleHistory history, SiteSettings settings, List<Section> sections) {
        Article a = history.article().article();
        SiteTime time = settings.time();
        String path = a.path() + "history/";
        Head head = new Head("Update history: " + a.headline() + " – " + settings.title(),
                "Every significant update and correction of this article, with what changed.", baseUrl + path, null,
                List.of(), null);
        List<HistoryPage.Entry> entries = new ArrayList<>();
        for (ArticleHistory.Entry e : history.entries()) {
            entries.add(new HistoryPage.Entry(e.update().kind() == UpdateKind.CORRECTION ? "Correction" : "Update",
                    time.dateAndTime(e.update().happenedAt()), e.update().note(), e.changes()));
        }
        java.util.Collections.reverse(entries);
        return new HistoryPage(frame(settings, sections, path), head, a.headline(), a.path(),
                time.dateAndTime(a.publishedAt()), entries);
    }

    CorrectionsPage correctionsPage(Paged<Correction> page, SiteSettings settings, List<Section> sections, String query) {
        SiteTime time = settings.time();
        Head head = new Head("Corrections – " + settings.title(),
                "Every correction " + settings.title() + " has published, newest first.", baseUrl + "/corrections/" + query,
                null, List.of(), null);
        String policy = site.policies().corrections().isBlank() ? null : Policy.CORRECTIONS.path();
        return new CorrectionsPage(frame(settings, sections, "/corrections/"), head,
                page.items().stream().map(c -> new CorrectionsPage.Row(c.headline(), c.path(), c.note(),
                        time.dateAndTime(c.happenedAt()))).toList(),
                page.older() == null ? null : "/corrections/?before=" + page.older().encode(), policy);
    }

    public ArticlePage articlePage(FullArticle full, SiteSettings settings, List<Section> sections) {
        Article a = full.article();
        SiteTime time = settings.time();
        String canonical = baseUrl + a.path();
        String description = !a.standfirst().isEmpty() ? Excerpts.of(a.standfirst(), 300)
                : Excerpts.of(plainTextOf(a), DESCRIPTION_LENGTH);
        List<Meta> meta = new ArrayList<>(List.of(
                Meta.property("og:type", "article"),
                Meta.property("og:title", a.headline()),
                Meta.property("og:description", description),
                Meta.property("og:url", canonical),
                Meta.property("og:site_name", settings.title()),
                Meta.property("og:locale", settings.locale().toString()),
                Meta.property("article:published_time", time.iso(a.publishedAt())),
                Meta.property("article:modified_time", time.iso(a.modifiedAt()))));
        full.section().ifPresent(s -> meta.add(Meta.property("article:section", s.name())));
        full.bylines().forEach(b -> meta.add(Meta.property("article:author", baseUrl + b.path())));
        full.tags().forEach(t -> meta.add(Meta.property("article:tag", t.name())));
        Optional<MediaFile> image = a.featuredMediaId() == null ? Optional.empty() : media.byId(a.featuredMediaId());
        image.ifPresent(i -> {
            meta.add(Meta.property("og:image", baseUrl + i.url()));
            if (!i.altText().isEmpty()) meta.add(Meta.property("og:image:alt", i.altText()));
        });
        meta.add(Meta.name("twitter:card", image.isPresent() ? "summary_large_image" : "summary"));
        meta.add(Meta.name("twitter:title", a.headline()));
        meta.add(Meta.name("twitter:description", description));
        String jsonLd = Json.forScript(ArticleJsonLd.of(full, canonical, description, publisher(settings),
                image.orElse(null)));
        Head head = new Head(a.headline() + " – " + settings.title(), description, canonical, null, meta, jsonLd)
                .withScript(assets.url("comments.js"))
                .withFeeds(FeedLink.of(a.path(), "Comments on “" + a.headline() + "”"));

        var lastUpdated = ArticleDates.lastUpdatedToShow(a.publishedAt(), a.significantlyUpdatedAt());
        return new ArticlePage(
                frame(settings, sections, full.section().map(Section::path).orElse(a.path())),
                head,
                a.headline(),
                a.type().labelToShow(),
                full.section().map(s -> new Link(s.name(), s.path())).orElse(null),
                a.standfirst(),
                image.map(ArticleViews::picture).orElse(null),
                full.bylines().stream().map(b -> new Link(b.name(), b.path())).toList(),
                a.datelinePlace(),
                time.dateAndTime(a.publishedAt()),
                lastUpdated == null ? null : time.dateAndTime(lastUpdated),
                a.bodyHtml(),
                full.tags().stream().map(t -> new Link(t.name(), t.path())).toList(),
                full.updates().stream().map(u -> new ArticlePage.UpdateNote(
                        u.kind() == UpdateKind.CORRECTION ? "Correction" : "Update",
                        time.dateAndTime(u.happenedAt()), u.note())).toList(),
                full.updates().isEmpty() ? null : a.path() + "history/",
                a.status() == ArticleStatus.RETRACTED
                        ? new ArticlePage.Retraction(a.retractionNote(), time.dateAndTime(a.retractedAt())) : null,
                false, null);
    }

    /**
     * The article page as it will look, for the newsroom before the article is out: it takes the moment
     * of the preview as its publication time and is never indexed.
     */
    public ArticlePage previewPage(FullArticle full, SiteSettings settings, List<Section> sections, java.time.Instant now) {
        Article a = full.article();
        String path = "/admin/articles/" + a.id() + "/preview";
        Article shown = new Article(a.id(), a.slug(), a.path() != null ? a.path() : path, a.headline(), a.standfirst(),
                a.bodyFormat(), a.bodySource(), a.bodyHtml(), a.status(), a.type(), a.sectionId(), a.datelinePlace(),
                a.publishedAt() != null ? a.publishedAt() : now, a.significantlyUpdatedAt(), a.createdAt(), a.editedAt(),
                a.version(), a.commentsOpen(), a.retractionNote(), a.retractedAt(), a.featuredMediaId(), a.pinnedAt());
        ArticlePage page = articlePage(new FullArticle(shown, full.bylines(), full.section(), full.tags(), full.updates()),
                settings, sections);
        Head head = new Head("Preview: " + a.headline() + " – " + settings.title(), page.head().description(), null,
                "noindex, nofollow", List.of(), null);
        return new ArticlePage(page.frame(), head, page.headline(), page.typeLabel(), page.section(), page.standfirst(),
                page.featuredImage(), page.authors(), page.datelinePlace(), page.published(), page.lastUpdated(), page.bodyHtml(), page.tags(),
                page.updates(), null, page.retraction(), true, null);
    }

    /**
     * A list page. {@code path} is the list's own address; {@code query} the paging part of it, or empty.
     * {@code pinned} articles go above the list, which then leaves them out rather than show them twice.
     */
    ListingPage listingPage(Paged<ArticleSummary> page, List<ArticleSummary> pinned, SiteSettings settings,
                            List<Section> sections, String path, String query, String kind, String heading, String intro) {
        boolean front = kind == null;
        String canonical = baseUrl + path + query;
        String title = front ? settings.title() : heading + " – " + settings.title();
        if (!query.isEmpty()) title = (front ? "Older articles" : heading + ", older articles") + " – " + settings.title();
        String description = !intro.isEmpty() ? Excerpts.of(intro, DESCRIPTION_LENGTH)
                : front ? settings.description() : heading + ": the latest articles from " + settings.title() + ".";
        List<Meta> meta = List.of(
                Meta.property("og:type", "website"),
                Meta.property("og:title", front ? settings.title() : heading),
                Meta.property("og:description", description),
                Meta.property("og:url", canonical),
                Meta.property("og:site_name", settings.title()),
                Meta.name("twitter:card", "summary"));
        String jsonLd = front && query.isEmpty() ? Json.forScript(ArticleJsonLd.website(settings.title(), baseUrl + "/"))
                : "Author".equals(kind) ? Json.forScript(ArticleJsonLd.profile(heading, intro, baseUrl + path))
                : null;
        Head head = new Head(title, description, canonical, null, meta, jsonLd)
                .withFeeds(front ? List.of() : FeedLink.of(path, heading + " – " + settings.title()));
        java.util.Set<Long> pinnedIds = pinned.stream().map(ArticleSummary::id).collect(Collectors.toSet());
        return new ListingPage(frame(settings, sections, path), head, kind, heading, intro,
                cards(pinned, settings, sections),
                cards(page.items().stream().filter(s -> !pinnedIds.contains(s.id())).toList(), settings, sections),
                page.newerIsFirstPage() ? path : page.newer() == null ? null : path + "?after=" + page.newer().encode(),
                page.older() == null ? null : path + "?before=" + page.older().encode(),
                front);
    }

    NotFoundPage notFoundPage(List<ArticleSummary> latest, SiteSettings settings, List<Section> sections, String path) {
        Head head = new Head("Page not found – " + settings.title(), "", baseUrl + path, "noindex", List.of(), null);
        return new NotFoundPage(frame(settings, sections, path), head, cards(latest, settings, sections),
                sections.stream().map(s -> new Link(s.name(), s.path())).toList());
    }

    public List<ArticleCard> cards(List<ArticleSummary> summaries, SiteSettings settings, List<Section> sections) {
        SiteTime time = settings.time();
        Map<Long, Section> sectionsById = sections.stream().collect(Collectors.toMap(Section::id, Function.identity()));
        Map<Long, MediaFile> images = media.byIds(summaries.stream().map(ArticleSummary::featuredMediaId)
                        .filter(java.util.Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(MediaFile::id, Function.identity()));
        return summaries.stream().map(s -> {
            Section section = s.sectionId() == null ? null : sectionsById.get(s.sectionId());
            var lastUpdated = ArticleDates.lastUpdatedToShow(s.publishedAt(), s.significantlyUpdatedAt());
            return new ArticleCard(s.path(), s.headline(), s.standfirst(), s.type().labelToShow(),
                    section == null ? null : new Link(section.name(), section.path()),
                    s.bylines().stream().map(b -> new Link(b.name(), b.path())).toList(),
                    time.dateAndTime(s.publishedAt()),
                    lastUpdated == null ? null : time.dateAndTime(lastUpdated),
                    s.featuredMediaId() == null || !images.containsKey(s.featuredMediaId()) ? null
                            : picture(images.get(s.featuredMediaId())));
        }).toList();
    }

    static Picture picture(MediaFile file) {
        return new Picture(file.urlFor(960), file.srcset(), file.altText(), file.width(), file.height());
    }

    Optional<Section> sectionBySlug(List<Section> sections, String slug) {
        return sections.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    private String plainTextOf(Article a) {
        return articles.plainText(a);
    }
}
