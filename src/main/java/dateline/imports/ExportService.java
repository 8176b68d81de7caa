package dateline.imports;

import dateline.accounts.Account;
import dateline.accounts.AccountService;
import dateline.articles.Article;
import dateline.articles.ArticleService;
import dateline.articles.ArticleStatus;
import dateline.articles.BodyFormat;
import dateline.articles.Byline;
import dateline.articles.FullArticle;
import dateline.articles.Section;
import dateline.articles.Tag;
import dateline.comments.Comment;
import dateline.comments.CommentService;
import dateline.feeds.FeedIds;
import dateline.media.MediaFile;
import dateline.media.MediaService;
import dateline.pages.MenuItem;
import dateline.pages.Page;
import dateline.pages.PageService;
import dateline.site.SiteService;
import dateline.site.SiteSettings;
import dateline.web.PageRequest;
import dateline.web.Paged;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole site as an export: its accounts, sections, tags, media, pages, articles and comments, handed out as
 * {@link Wxr} records in the order a WXR file needs (site, authors, terms, then items), and written as WXR
 * (which WordPress imports) or as Dateline's JSON (which Dateline imports without loss). Articles are read a
 * batch at a time in id order, so a site of any size exports in the memory of one batch.
 *
 * <p>Items share one series of post ids, as in WordPress: media first (their own ids), then pages, then
 * articles, each numbered after the last of the kind before. What WXR has no element for travels in
 * {@link DatelineMeta} entries. Passwords never leave; network addresses of commenters leave only while the
 * retention rule still keeps them.
 */
public final class ExportService {
    static final int BATCH = 200;
    static final String WXR_VERSION = "1.2";

    private final SiteService site;
    private final AccountService accounts;
    private final ArticleService articles;
    private final PageService pages;
    private final CommentService comments;
    private final MediaService media;
    private final String baseUrl;
    private final FeedIds ids;
    private final Clock clock;

    public ExportService(SiteService site, AccountService accounts, ArticleService articles, PageService pages,
                         CommentService comments, MediaService media, String baseUrl, Clock clock) {
        this.site = site;
        this.accounts = accounts;
        this.articles = articles;
        this.pages = pages;
        this.comments = comments;
        this.media = media;
        this.baseUrl = baseUrl;
        this.ids = new FeedIds(baseUrl);
        this.clock = clock;
    }

    /** Writes the whole site as a WXR 1.2 file, which WordPress's importer (and Dateline's) reads. */
    public void writeWxr(OutputStream out) {
        WxrWriter[] writer = new WxrWriter[1]; // made when the site comes, which the writer begins with
        export(new Wxr.Handler() {
            @Override
            public void site(Wxr.Site s) {
                writer[0] = new WxrWriter(out, s);
            }

            @Override
            public void author(Wxr.Author author) {
                writer[0].author(author);
            }

            @Override
            public void term(Wxr.Term term) {
                writer[0].term(term);
            }

            @Override
            public void item(Wxr.Item item) {
                writer[0].item(item);
            }
        });
        writer[0].close();
    }

    /** Writes the whole site as Dateline's JSON export, which {@link DatelineJsonReader} reads back. */
    public void writeJson(OutputStream out) {
        try (DatelineJsonWriter writer = new DatelineJsonWriter(out)) {
            export(writer);
        }
    }

    /** Hands the whole site to the handler, in a WXR file's order. */
    public void export(Wxr.Handler handler) {
        SiteSettings settings = site.settings();
        handler.site(new Wxr.Site(settings.title(), baseUrl, settings.description(), settings.language(), baseUrl,
                baseUrl, WXR_VERSION));
        Map<Long, String> logins = new HashMap<>();
        for (Account account : accounts.all()) {
            logins.put(account.id(), account.slug());
            handler.author(author(account));
        }
        List<Section> sections = articles.sections();
        Map<Long, Section> sectionsById = new HashMap<>();
        for (Section section : sections) {
            sectionsById.put(section.id(), section);
            handler.term(new Wxr.Term(section.id(), "category", section.slug(), section.name(), "",
                    nullToEmpty(section.description()), 0));
        }
        for (Tag tag : articles.tags()) handler.term(new Wxr.Term(tag.id(), "post_tag", tag.slug(), tag.name(), "", "", 0));
        long lastMediaId = exportMedia(handler, logins);
        long lastPageId = exportPages(handler, lastMediaId);
        long lastArticleId = exportArticles(handler, lastMediaId + lastPageId, logins);
        exportMenuEntries(handler, lastMediaId + lastPageId + lastArticleId + 1);
    }

    private static Wxr.Author author(Account account) {
        String name = account.name();
        int space = name.lastIndexOf(' ');
        return new Wxr.Author(account.id(), account.slug(), account.email(), name,
                space > 0 ? name.substring(0, space) : name, space > 0 ? name.substring(space + 1) : "",
                account.role().code(), 0);
    }

    /** Every media file as an attachment whose post id is the media file's id. Answers the highest id. */
    private long exportMedia(Wxr.Handler handler, Map<Long, String> logins) {
        long last = 0;
        PageRequest request = PageRequest.first(BATCH);
        while (true) {
            Paged<MediaFile> page = media.library(request);
            for (MediaFile file : page.items()) {
                last = Math.max(last, file.id());
                String url = baseUrl + file.url();
                List<Wxr.Meta> meta = new ArrayList<>();
                if (file.altText() != null && !file.altText().isBlank()) {
                    meta.add(new Wxr.Meta(DatelineMeta.ATTACHMENT_ALT, file.altText()));
                }
                handler.item(new Wxr.Item(file.id(), file.originalName(), url, ids.media(file.id(), file.createdAt()),
                        file.uploadedBy() == null ? "" : logins.getOrDefault(file.uploadedBy(), ""), "",
                        nullToEmpty(file.altText()), file.createdAt(), file.createdAt(), "inherit", "attachment",
                        "media-" + file.id(), 0, 0, false, "closed", "", url, List.of(), meta, List.of(), 0));
            }
            if (page.older() == null) return last;
            request = new PageRequest(page.older(), null, BATCH);
        }
    }

    /** Every page, parents before their children, numbered after the media. Answers the highest page id. */
    private long exportPages(Wxr.Handler handler, long offset) {
        Map<Long, List<String>> former = pages.formerPaths();
        Map<Long, List<MenuItem>> menus = new HashMap<>();
        for (MenuItem item : pages.menuItems()) {
            if (item.isPage()) menus.computeIfAbsent(item.pageId(), k -> new ArrayList<>()).add(item);
        }
        long last = 0;
        for (Page page : pages.all()) {
            last = Math.max(last, page.id());
            List<Wxr.Meta> meta = new ArrayList<>();
            meta.add(new Wxr.Meta(DatelineMeta.BODY_FORMAT, page.bodyFormat().code()));
            if (page.bodyFormat() == BodyFormat.MARKDOWN) meta.add(new Wxr.Meta(DatelineMeta.SOURCE, page.body()));
            meta.add(new Wxr.Meta(DatelineMeta.PATH, page.path()));
            former.getOrDefault(page.id(), List.of()).forEach(p -> meta.add(new Wxr.Meta(DatelineMeta.FORMER_PATH, p)));
            List<MenuItem> listed = menus.getOrDefault(page.id(), List.of());
            listed.forEach(m -> meta.add(new Wxr.Meta(DatelineMeta.MENU, m.menu().code())));
            int menuOrder = listed.isEmpty() ? 0 : listed.get(0).position();
            handler.item(new Wxr.Item(offset + page.id(), page.title(), baseUrl + page.path(),
                    ids.page(page.id(), page.createdAt()), "", page.bodyHtml(), "", page.createdAt(), page.modifiedAt(),
                    page.isPublished() ? "publish" : "draft", "page", page.slug(),
                    page.parentId() == null ? 0 : offset + page.parentId(), menuOrder, false, "closed", "", "",
                    List.of(), meta, List.of(), 0));
        }
        return last;
    }

    /**
     * The menus' entries that are not pages (each page says itself which menus list it): sections and links,
     * each with its place in its menu, as {@link DatelineMeta#MENU_ENTRY} entries of one item of Dateline's
     * own post type, after every other item. Nothing when the menus hold pages alone.
     */
    private void exportMenuEntries(Wxr.Handler handler, long postId) {
        Map<Long, Section> sections = new HashMap<>();
        articles.sections().forEach(s -> sections.put(s.id(), s));
        Map<dateline.pages.Menu, Integer> places = new HashMap<>();
        List<Wxr.Meta> meta = new ArrayList<>();
        for (MenuItem item : pages.menuItems()) {
            int place = places.merge(item.menu(), 1, Integer::sum) - 1;
            String prefix = item.menu().code() + " " + place + " ";
            if (item.isSection() && sections.containsKey(item.sectionId())) {
                meta.add(new Wxr.Meta(DatelineMeta.MENU_ENTRY, prefix + "section " + sections.get(item.sectionId()).slug()));
            } else if (!item.isPage() && !item.isSection()) {
                meta.add(new Wxr.Meta(DatelineMeta.MENU_ENTRY, prefix + "link " + item.url() + " " + item.label()));
            }
        }
        if (meta.isEmpty()) return;
        Instant now = clock.instant();
        handler.item(new Wxr.Item(postId, "Menus", "", baseUrl + "/#menus", "", "", "", now, now, "draft",
                DatelineMeta.MENUS_ITEM, "menus", 0, 0, false, "closed", "", "", List.of(), meta, List.of(), 0));
    }

    /** Every article of every status, a batch at a time by id, numbered after the media and pages. Answers the highest article id. */
    private long exportArticles(Wxr.Handler handler, long offset, Map<Long, String> logins) {
        Instant keepAddressesSince = clock.instant().minus(Duration.ofDays(site.comments().keepAddressesDays()));
        long after = 0;
        while (true) {
            List<FullArticle> batch = articles.everyAfter(after, BATCH);
            if (batch.isEmpty()) return after;
            Map<Long, List<String>> former = articles.formerPaths(batch.stream().map(f -> f.article().id()).toList());
            for (FullArticle full : batch) {
                handler.item(item(full, offset, former.getOrDefault(full.article().id(), List.of()),
                        comments.everyOn(full.article().id()), keepAddressesSince, logins));
            }
            after = batch.get(batch.size() - 1).article().id();
        }
    }

    private Wxr.Item item(FullArticle full, long offset, List<String> formerPaths, List<Comment> thread,
                          Instant keepAddressesSince, Map<Long, String> logins) {
        Article a = full.article();
        List<Wxr.Meta> meta = new ArrayList<>();
        meta.add(new Wxr.Meta(DatelineMeta.BODY_FORMAT, a.bodyFormat().code()));
        if (a.bodyFormat() == BodyFormat.MARKDOWN) meta.add(new Wxr.Meta(DatelineMeta.SOURCE, a.bodySource()));
        meta.add(new Wxr.Meta(DatelineMeta.TYPE, a.type().code()));
        if (a.standfirst() != null && !a.standfirst().isEmpty()) meta.add(new Wxr.Meta(DatelineMeta.STANDFIRST, a.standfirst()));
        if (a.path() != null) meta.add(new Wxr.Meta(DatelineMeta.PATH, a.path()));
        formerPaths.forEach(p -> meta.add(new Wxr.Meta(DatelineMeta.FORMER_PATH, p)));
        meta.add(new Wxr.Meta(DatelineMeta.AUTHORS,
                String.join(",", full.bylines().stream().map(Byline::slug).toList())));
        if (a.datelinePlace() != null && !a.datelinePlace().isEmpty()) meta.add(new Wxr.Meta(DatelineMeta.PLACE, a.datelinePlace()));
        if (a.significantlyUpdatedAt() != null) {
            meta.add(new Wxr.Meta(DatelineMeta.SIGNIFICANTLY_UPDATED, a.significantlyUpdatedAt().toString()));
        }
        full.updates().forEach(u -> meta.add(new Wxr.Meta(DatelineMeta.UPDATE,
                new DatelineMeta.Update(u.kind().code(), u.happenedAt(), u.note()).value())));
        if (a.status() == ArticleStatus.RETRACTED) {
            meta.add(new Wxr.Meta(DatelineMeta.RETRACTED, nullToEmpty(a.retractionNote())));
            if (a.retractedAt() != null) meta.add(new Wxr.Meta(DatelineMeta.RETRACTED_AT, a.retractedAt().toString()));
        }
        if (a.featuredMediaId() != null) meta.add(new Wxr.Meta(DatelineMeta.THUMBNAIL_ID, Long.toString(a.featuredMediaId())));
        if (a.pinned()) meta.add(new Wxr.Meta(DatelineMeta.PINNED_AT, a.pinnedAt().toString()));
        List<Wxr.TermRef> terms = new ArrayList<>();
        full.section().ifPresent(s -> terms.add(new Wxr.TermRef("category", s.slug(), s.name())));
        full.tags().forEach(t -> terms.add(new Wxr.TermRef("post_tag", t.slug(), t.name())));
        String creator = full.bylines().isEmpty() ? "" : full.bylines().get(0).slug();
        Instant date = a.publishedAt() != null ? a.publishedAt() : a.createdAt();
        return new Wxr.Item(offset + a.id(), a.headline(), a.path() == null ? "" : baseUrl + a.path(),
                ids.article(a.id(), a.createdAt()), creator, a.bodyHtml(), nullToEmpty(a.standfirst()), date,
                a.editedAt(), status(a.status()), "post", a.slug(), 0, 0, a.pinned(), a.commentsOpen() ? "open" : "closed",
                "", "", terms, meta, thread.stream().map(c -> comment(c, keepAddressesSince)).toList(), 0);
    }

    /** WordPress's word for the status; a retraction is published with {@link DatelineMeta#RETRACTED}. */
    static String status(ArticleStatus status) {
        return switch (status) {
            case DRAFT -> "draft";
            case PENDING -> "pending";
            case SCHEDULED -> "future";
            case PUBLISHED, RETRACTED -> "publish";
        };
    }

    private static Wxr.Comment comment(Comment c, Instant keepAddressesSince) {
        String approved = switch (c.status()) {
            case APPROVED -> "1";
            case PENDING -> "0";
            case SPAM -> "spam";
            case TRASH -> "trash";
        };
        String ip = c.clientAddress() != null && c.createdAt().isAfter(keepAddressesSince) ? c.clientAddress() : "";
        return new Wxr.Comment(c.id(), nullToEmpty(c.authorName()), nullToEmpty(c.authorEmail()),
                nullToEmpty(c.authorWebsite()), ip, c.createdAt(), nullToEmpty(c.body()), approved, "",
                c.parentId() == null ? 0 : c.parentId(), c.staffAccountId() == null ? 0 : c.staffAccountId(),
                List.of(), 0);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
