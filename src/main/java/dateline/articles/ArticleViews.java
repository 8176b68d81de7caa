package dateline.articles;

import dateline.markup.Excerpts;
import dateline.markup.Markdown;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import dateline.site.SiteTime;
import dateline.web.Assets;
import dateline.web.Frame;
import dateline.web.FrameSource;
import dateline.web.Head;
import dateline.web.Head.Meta;
import dateline.web.Json;
import dateline.web.Link;
import dateline.web.NavLink;
import dateline.web.Paged;
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
    private final Assets assets;
    private final String baseUrl;
    private final Clock clock;

    public ArticleViews(SiteService site, ArticleService articles, Markdown markdown, Assets assets, String baseUrl,
                        Clock clock) {
        this.site = site;
        this.articles = articles;
        this.markdown = markdown;
        this.assets = assets;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    @Override
    public Frame frameAt(String path) {
        return frame(site.settings(), articles.sections(), path);
    }

    Frame frame(SiteSettings settings, List<Section> sections, String path) {
        List<NavLink> navigation = sections.stream()
                .map(s -> new NavLink(s.name(), s.path(), s.path().equals(path)))
                .toList();
        return new Frame(settings.title(), settings.description(), settings.language(), navigation,
                assets.url("site.css"), assets.url("icon.svg"), clock.instant().atZone(settings.timezone()).getYear());
    }

    ArticlePage articlePage(FullArticle full, SiteSettings settings, List<Section> sections) {
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
        meta.add(Meta.name("twitter:card", "summary"));
        meta.add(Meta.name("twitter:title", a.headline()));
        meta.add(Meta.name("twitter:description", description));
        String jsonLd = Json.forScript(ArticleJsonLd.of(full, canonical, description, settings, baseUrl));
        Head head = new Head(a.headline() + " – " + settings.title(), description, canonical, null, meta, jsonLd);

        var lastUpdated = ArticleDates.lastUpdatedToShow(a.publishedAt(), a.significantlyUpdatedAt());
        return new ArticlePage(
                frame(settings, sections, full.section().map(Section::path).orElse(a.path())),
                head,
                a.headline(),
                a.type().labelToShow(),
                full.section().map(s -> new Link(s.name(), s.path())).orElse(null),
                a.standfirst(),
                full.bylines().stream().map(b -> new Link(b.name(), b.path())).toList(),
                a.datelinePlace(),
                time.dateAndTime(a.publishedAt()),
                lastUpdated == null ? null : time.dateAndTime(lastUpdated),
                a.bodyHtml(),
                full.tags().stream().map(t -> new Link(t.name(), t.path())).toList(),
                full.updates().stream().map(u -> new ArticlePage.UpdateNote(
                        u.kind() == UpdateKind.CORRECTION ? "Correction" : "Update",
                        time.dateAndTime(u.happenedAt()), u.note())).toList(),
                a.status() == ArticleStatus.RETRACTED);
    }

    /** A list page. {@code path} is the list's own address; {@code query} the paging part of it, or empty. */
    ListingPage listingPage(Paged<ArticleSummary> page, SiteSettings settings, List<Section> sections, String path,
                            String query, String kind, String heading, String intro) {
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
        String jsonLd = front && query.isEmpty() ? Json.forScript(Map.of(
                "@context", "https://schema.org", "@type", "WebSite", "name", settings.title(), "url", baseUrl + "/"))
                : null;
        Head head = new Head(title, description, canonical, null, meta, jsonLd);
        return new ListingPage(frame(settings, sections, path), head, kind, heading, intro,
                cards(page.items(), settings, sections),
                page.newerIsFirstPage() ? path : page.newer() == null ? null : path + "?after=" + page.newer().encode(),
                page.older() == null ? null : path + "?before=" + page.older().encode(),
                front);
    }

    NotFoundPage notFoundPage(List<ArticleSummary> latest, SiteSettings settings, List<Section> sections, String path) {
        Head head = new Head("Page not found – " + settings.title(), "", baseUrl + path, "noindex", List.of(), null);
        return new NotFoundPage(frame(settings, sections, path), head, cards(latest, settings, sections),
                sections.stream().map(s -> new Link(s.name(), s.path())).toList());
    }

    List<ArticleCard> cards(List<ArticleSummary> summaries, SiteSettings settings, List<Section> sections) {
        SiteTime time = settings.time();
        Map<Long, Section> sectionsById = sections.stream().collect(Collectors.toMap(Section::id, Function.identity()));
        return summaries.stream().map(s -> {
            Section section = s.sectionId() == null ? null : sectionsById.get(s.sectionId());
            var lastUpdated = ArticleDates.lastUpdatedToShow(s.publishedAt(), s.significantlyUpdatedAt());
            return new ArticleCard(s.path(), s.headline(), s.standfirst(), s.type().labelToShow(),
                    section == null ? null : new Link(section.name(), section.path()),
                    s.bylines().stream().map(b -> new Link(b.name(), b.path())).toList(),
                    time.dateAndTime(s.publishedAt()),
                    lastUpdated == null ? null : time.dateAndTime(lastUpdated));
        }).toList();
    }

    Optional<Section> sectionBySlug(List<Section> sections, String slug) {
        return sections.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    private String plainTextOf(Article a) {
        return a.bodyFormat() == BodyFormat.MARKDOWN ? markdown.toPlainText(a.bodySource())
                : a.bodyHtml().replaceAll("<[^>]*>", " ");
    }
}
