package dateline.search;

import dateline.accounts.Account;
import dateline.accounts.Permission;
import dateline.articles.Article;
import dateline.articles.ArticleEvent;
import dateline.articles.ArticleListener;
import dateline.articles.ArticleService;
import dateline.articles.ArticleStatus;
import dateline.articles.ArticleSummary;
import dateline.articles.Byline;
import dateline.articles.FullArticle;
import dateline.articles.Tag;
import dateline.site.SiteService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;

/**
 * Searching articles, for readers and for the newsroom, and keeping the index: as an
 * {@link ArticleListener} it writes an article's entry inside the transaction of every change to it, so a
 * change and its entry commit or roll back together.
 *
 * <p>Results are ranked, so they page by offset, not by keyset: a search goes at most {@link #MAX_PAGES}
 * pages deep, past which a reader does better to add a word.
 *
 * <p>A common word matches a good part of a large archive, and ranking every match made a search's time
 * grow with the archive. So a search ranks the {@link #CANDIDATES} articles it matches that were published
 * most recently (every one when fewer match, so a search for a rarer word finds exactly what it always did): a news
 * reader looking for a common word wants the recent stories about it, and a word more, a section or a date
 * reaches older ones. Counting stops there too: such a search says that more articles match than it shows.
 */
public final class SearchService implements ArticleListener {
    public static final int MAX_PAGES = 50;
    /** How many of the matching articles, those published most recently, a search ranks; never fewer than it can show. */
    public static final int CANDIDATES = 1000;
    private static final int REBUILD_BATCH = 1000;

    private final Jdbi jdbi;
    private final SearchIndex index;
    private final ArticleService articles;
    private final SiteService site;
    private final int candidates;

    public SearchService(Jdbi jdbi, SearchIndex index, ArticleService articles, SiteService site) {
        this(jdbi, index, articles, site, CANDIDATES);
    }

    /** A search that ranks {@code candidates} matches at most (but never fewer than its pages can show). */
    SearchService(Jdbi jdbi, SearchIndex index, ArticleService articles, SiteService site, int candidates) {
        this.jdbi = jdbi;
        this.index = index;
        this.articles = articles;
        this.site = site;
        this.candidates = candidates;
    }

    // ---- keeping the index

    /**
     * True for the tables that hold the index (on either database, with what the database keeps beside them):
     * they are derived from the articles, so a copy of the site leaves them out and {@link #rebuild()}s them.
     */
    public static boolean holdsIndex(String table) {
        return table.startsWith("search_");
    }

    @Override
    public void changing(Handle h, ArticleEvent event) {
        index.put(h, entryOf(event.article()));
    }

    /** What the index keeps of an article: its text without markup, and what searches filter by. */
    static IndexEntry entryOf(FullArticle full) {
        Article a = full.article();
        return new IndexEntry(a.id(), a.status(), a.sectionId(), a.publishedAt(), a.editedAt(),
                full.bylines().stream().map(Byline::accountId).toList(),
                a.headline(), a.standfirst(),
                full.tags().stream().map(Tag::name).collect(Collectors.joining(", ")),
                full.bylines().stream().map(Byline::name).collect(Collectors.joining(", ")),
                Jsoup.parseBodyFragment(a.bodyHtml()).text());
    }

    /** What a rebuild did: how many entries it wrote and removed, and how long it took. */
    public record Rebuilt(long written, long removed, Duration took) {}

    /**
     * Writes every article's entry again from the articles, in batches, then forgets entries of articles
     * that no longer exist. Searches keep working meanwhile: no moment sees an empty index.
     */
    public Rebuilt rebuild() {
        long started = System.nanoTime();
        Set<Long> seen = new HashSet<>();
        long written = articles.replay(new ArticleListener() {
            @Override
            public void changing(Handle h, ArticleEvent event) {
                SearchService.this.changing(h, event);
                seen.add(event.article().article().id());
            }
        });
        long removed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = read(h -> index.articleIds(h, from, REBUILD_BATCH));
            if (ids.isEmpty()) break;
            List<Long> gone = ids.stream().filter(id -> !seen.contains(id)).toList();
            if (!gone.isEmpty()) {
                jdbi.useTransaction(h -> gone.forEach(id -> index.remove(h, id)));
                removed += gone.size();
            }
            after = ids.get(ids.size() - 1);
        }
        jdbi.useTransaction(index::compact);
        return new Rebuilt(written, removed, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Builds the index when it holds nothing, as on the first start after search arrived on a site that
     * already has articles. On a site without articles it costs one query.
     */
    public void buildIfEmpty() {
        if (read(h -> index.articleIds(h, 0, 1)).isEmpty()) rebuild();
    }

    // ---- searching

    /**
     * Published articles only (never drafts, scheduled or retracted ones), ranked.
     *
     * @throws dateline.web.InvalidInput when what was typed cannot be searched (see {@link SearchTerms#parse})
     */
    public Found forReaders(String typed, SearchFilters filters, int page, int size) {
        SearchTerms terms = SearchTerms.parse(typed);
        if (terms.isEmpty()) return Found.none(terms);
        ZoneId zone = site.settings().timezone();
        Instant from = filters.from() == null ? null : filters.from().atStartOfDay(zone).toInstant();
        Instant until = filters.to() == null ? null : filters.to().plusDays(1).atStartOfDay(zone).toInstant();
        SearchQuery query = new SearchQuery(terms, Set.of(ArticleStatus.PUBLISHED), null, filters.sectionId(),
                filters.authorId(), from, until, offset(page, size), size, candidates(size));
        return found(query, page, size, s -> s.status() == ArticleStatus.PUBLISHED);
    }

    /**
     * The newsroom's search: articles of any status, or of {@code status}, ranked; everybody's for those
     * who may edit others' articles, one's own for the others.
     */
    public Found forNewsroom(String typed, ArticleStatus status, Long sectionId, Long authorId, Account viewer,
                             int page, int size) {
        SearchTerms terms = SearchTerms.parse(typed);
        if (terms.isEmpty()) return Found.none(terms);
        boolean everybody = viewer.role().can(Permission.EDIT_OTHERS_ARTICLES);
        if (!everybody && !viewer.role().can(Permission.WRITE_ARTICLES)) return Found.none(terms);
        Set<ArticleStatus> statuses = status == null ? Set.of(ArticleStatus.values()) : Set.of(status);
        SearchQuery query = new SearchQuery(terms, statuses, everybody ? null : viewer.id(), sectionId, authorId,
                null, null, offset(page, size), size, candidates(size));
        return found(query, page, size, s -> everybody || s.bylines().stream().anyMatch(b -> b.accountId() == viewer.id()));
    }

    /** The ids of the accounts credited on published articles, whom readers may narrow a search to. */
    public List<Long> authorsOfPublished() {
        return read(index::authorsOfPublished);
    }

    private Found found(SearchQuery query, int page, int size, java.util.function.Predicate<ArticleSummary> mayShow) {
        SearchIndex.Hits hits = read(h -> index.find(h, query));
        boolean newestOnly = hits.total() > query.candidates();
        long total = Math.min(hits.total(), query.candidates());
        int pages = (int) Math.min(MAX_PAGES, (total + size - 1) / size);
        Map<Long, ArticleSummary> summaries = articles.summaries(hits.hits().stream().map(SearchIndex.Hit::articleId).toList())
                .stream().collect(Collectors.toMap(ArticleSummary::id, Function.identity()));
        List<Found.Result> results = hits.hits().stream()
                .filter(hit -> summaries.containsKey(hit.articleId()) && mayShow.test(summaries.get(hit.articleId())))
                .map(hit -> new Found.Result(summaries.get(hit.articleId()), hit.headline(), hit.excerpt()))
                .toList();
        return new Found(query.terms(), results, total, Math.max(1, Math.min(page, MAX_PAGES)), pages, newestOnly);
    }

    /** Enough that every page a search can show is full: the same for each page of one search, so pages never overlap. */
    private int candidates(int size) {
        return Math.max(candidates, MAX_PAGES * size);
    }

    private static int offset(int page, int size) {
        return (Math.max(1, Math.min(page, MAX_PAGES)) - 1) * size;
    }

    private <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }
}
