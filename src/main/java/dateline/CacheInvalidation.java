package dateline;

import dateline.articles.ArticleEvent;
import dateline.articles.ArticleListener;
import dateline.articles.Byline;
import dateline.articles.FullArticle;
import dateline.articles.Tag;
import dateline.comments.CommentEvent;
import dateline.comments.CommentListener;
import dateline.moderation.SpamClassifier;
import dateline.moderation.SpamModelListener;
import dateline.pages.Menu;
import dateline.pages.PageEvent;
import dateline.pages.PageListener;
import dateline.pages.PageService;
import dateline.site.SiteListener;
import dateline.site.SiteService;
import dateline.storage.BackgroundFailures;
import dateline.storage.InvalidationLog;
import dateline.web.PageCache;
import dateline.web.PageTags;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a committed change into the tags of the cached pages that show it, and drops
 * those pages. Exact, so a story read by thousands keeps its copy when something unrelated changes: a new
 * comment drops its article's page and the comment feeds, not the lists; a published article drops the
 * lists, feeds and sitemaps it appears in; settings and sections, shown on every page, drop everything.
 *
 * <p>Every process serving the site drops the same pages: the tags of each change are also written to the
 * {@link InvalidationLog} — in the change's own transaction where the feature tells its listeners inside it
 * (articles, comments), else just after the commit — and every serving process reads the entries of the
 * others {@link #POLL every second} ({@link #follow}), so a change made by another node, or by a command
 * such as {@code dateline users} beside a running server, is served within about a second. On PostgreSQL
 * the database also tells every node of each committed entry ({@code LISTEN/NOTIFY}), and the node reads at
 * once; the poll stays as the safety net for a notification missed, as while its connection is opened again.
 *
 * <p>The same entries carry one more kind of change that is held in memory: the spam classifier's weights
 * ({@link #SPAM_WEIGHTS}), which each process drops when another changed them.
 */
final class CacheInvalidation implements ArticleListener, CommentListener, SiteListener, PageListener,
        SpamModelListener {
    private static final Logger LOG = LoggerFactory.getLogger(CacheInvalidation.class);
    /** How often a serving process reads the changes of the others: one indexed query a second. */
    static final Duration POLL = Duration.ofSeconds(1);
    /**
     * How long the entries are kept: far longer than any pause between two reads. A process that has not
     * read for longer may have missed some, and drops every page.
     */
    static final Duration KEEP = Duration.ofMinutes(5);
    /** The tag of a change of the spam classifier's weights: no page shows them. */
    static final String SPAM_WEIGHTS = "spam-weights";

    private final PageCache pages;
    private final PageService standing;
    private final SiteService site;
    private final SpamClassifier spam;
    private final InvalidationLog log;
    private final String node;
    private final Clock clock;
    private final InvalidationLog.Reader reader;
    /** Whether this process has begun to read the others' changes, and when it last did. */
    private boolean reading;
    private long readAtNanos;

    /**
     * @param node names this process among all that share the database, so that it skips its own entries:
     *             unique to each running {@code Wiring}, as two may share one JVM
     */
    CacheInvalidation(PageCache pages, PageService standing, SiteService site, SpamClassifier spam, InvalidationLog log,
                      String node, Clock clock) {
        this.pages = pages;
        this.standing = standing;
        this.site = site;
        this.spam = spam;
        this.log = log;
        this.node = node;
        this.clock = clock;
        this.reader = log.reader(node);
    }

    @Override
    public void changing(Handle h, ArticleEvent event) {
        Set<String> tags = tagsOf(event);
        if (!tags.isEmpty()) log.append(h, node, tags, clock.instant());
    }

    @Override
    public void changed(ArticleEvent event) {
        pages.invalidate(tagsOf(event));
    }

    private static Set<String> tagsOf(ArticleEvent event) {
        if (event.kind() == ArticleEvent.Kind.WRITTEN) return Set.of(); // nothing readers see
        if (event.kind() == ArticleEvent.Kind.PINNED) return Set.of(PageTags.FRONT); // only the front page orders by pins
        Set<String> tags = shownIn(event.article());
        // an update leaves the front page's choice alone; a card there goes through its own tag
        if (event.kind() == ArticleEvent.Kind.UPDATED) tags.remove(PageTags.FRONT);
        return tags;
    }

    @Override
    public void sectionsChanged() {
        drop(Set.of(PageTags.SITE));
    }

    @Override
    public void changing(Handle h, CommentEvent event) {
        log.append(h, node, tagsOf(event), clock.instant());
    }

    @Override
    public void changed(CommentEvent event) {
        pages.invalidate(tagsOf(event));
    }

    /** One entry in the log for comments stored together (an imported thread), not one a comment. */
    @Override
    public void changing(Handle h, List<CommentEvent> events) {
        log.append(h, node, tagsOf(events), clock.instant());
    }

    @Override
    public void changed(List<CommentEvent> events) {
        pages.invalidate(tagsOf(events));
    }

    private static Set<String> tagsOf(CommentEvent event) {
        return Set.of(PageTags.article(event.comment().articleId()), PageTags.COMMENTS);
    }

    private static Set<String> tagsOf(List<CommentEvent> events) {
        Set<String> tags = new LinkedHashSet<>();
        for (CommentEvent event : events) tags.addAll(tagsOf(event));
        return tags;
    }

    /**
     * A standing page's own copy and those of the pages under it (their breadcrumbs name it); every page when
     * a menu lists it, or may have listed it (a deleted page takes its menu items with it).
     */
    @Override
    public void changed(PageEvent event) {
        long id = event.page().id();
        boolean inMenu = event.kind() == PageEvent.Kind.DELETED
                || standing.menuItems().stream().anyMatch(item -> item.pageId() != null && item.pageId() == id);
        drop(inMenu ? Set.of(PageTags.page(id), PageTags.SITE) : Set.of(PageTags.page(id)));
    }

    /** Every page shows both menus. */
    @Override
    public void menuChanged(Menu menu) {
        drop(Set.of(PageTags.SITE));
    }

    @Override
    public void settingsChanged() {
        drop(Set.of(PageTags.SITE));
    }

    @Override
    public void weightsChanging(Handle h) {
        log.append(h, node, Set.of(SPAM_WEIGHTS), clock.instant());
    }

    /**
     * The article's own page and every list it is, or now belongs, in: its section, tags and authors, the
     * front page, the sitemaps. A list it has just left showed it as a card, and goes through its card tag.
     */
    static Set<String> shownIn(FullArticle full) {
        long id = full.article().id();
        Set<String> tags = new HashSet<>();
        tags.add(PageTags.article(id));
        tags.add(PageTags.listed(id));
        tags.add(PageTags.FRONT);
        tags.add(PageTags.SITEMAPS);
        full.section().ifPresent(s -> tags.add(PageTags.section(s.id())));
        for (Tag tag : full.tags()) tags.add(PageTags.tag(tag.id()));
        for (Byline byline : full.bylines()) tags.add(PageTags.author(byline.accountId()));
        return tags;
    }

    /** Drops the pages here, then tells the other processes, for a change already committed. */
    private void drop(Set<String> tags) {
        pages.invalidate(tags);
        try {
            log.append(node, tags, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("Could not tell other servers of a change to {}; their copies expire within {}", tags,
                    PageCache.MAX_AGE, e);
        }
    }

    /**
     * Reads the changes made by other processes since the last read and drops the pages they showed; answers
     * how many changes it read. A change to the settings makes the site's settings be read again first, so
     * that the page rendered next shows them.
     */
    synchronized int catchUp() {
        long now = System.nanoTime();
        if (!reading || now - readAtNanos > KEEP.toNanos()) {
            // starting, or paused for longer than entries are kept: whatever is held may be stale
            reader.startAtNewest();
            if (reading) {
                pages.invalidate(Set.of(PageTags.SITE));
                spam.changedElsewhere();
            }
            reading = true;
            readAtNanos = now;
            return 0;
        }
        List<InvalidationLog.Entry> entries = reader.read();
        Set<String> tags = new LinkedHashSet<>();
        for (InvalidationLog.Entry entry : entries) tags.addAll(entry.tags());
        if (tags.contains(PageTags.SITE)) site.changedElsewhere();
        if (tags.remove(SPAM_WEIGHTS)) spam.changedElsewhere();
        if (!tags.isEmpty()) pages.invalidate(tags);
        readAtNanos = now;
        return entries.size();
    }

    /**
     * Reads the others' changes as soon as the database tells of one (PostgreSQL), and every {@link #POLL} in
     * any case, on background threads, until closed.
     */
    AutoCloseable follow() {
        catchUp();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dateline-invalidations");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleAtFixedRate(() -> {
            try {
                catchUp();
            } catch (RuntimeException e) {
                BackgroundFailures.report(LOG, "Could not read the changes made by other servers; trying again", e);
            }
        }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        AutoCloseable notices = log.whenAppended(this::catchUp);
        return () -> {
            notices.close();
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS); // a read under way ends before the database closes
        };
    }

    /** Forgets the entries every process has read long ago; answers how many. */
    int forgetOld() {
        return log.forgetBefore(clock.instant().minus(KEEP));
    }
}
