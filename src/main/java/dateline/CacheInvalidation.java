package dateline;

import dateline.articles.ArticleEvent;
import dateline.articles.ArticleListener;
import dateline.articles.Byline;
import dateline.articles.FullArticle;
import dateline.articles.Tag;
import dateline.comments.CommentEvent;
import dateline.comments.CommentListener;
import dateline.pages.Menu;
import dateline.pages.PageEvent;
import dateline.pages.PageListener;
import dateline.pages.PageService;
import dateline.site.SiteListener;
import dateline.web.PageCache;
import dateline.web.PageTags;
import java.util.HashSet;
import java.util.Set;

/**
 * The one place that turns a committed change into the tags of the cached pages that show it, and drops
 * those pages. Exact, so a story read by thousands keeps its copy when something unrelated changes: a new
 * comment drops its article's page and the comment feeds, not the lists; a published article drops the
 * lists, feeds and sitemaps it appears in; settings and sections, shown on every page, drop everything.
 * Every change passes through {@link #drop}, so that several servers can later share these same tag sets
 * through the database.
 */
final class CacheInvalidation implements ArticleListener, CommentListener, SiteListener, PageListener {
    private final PageCache pages;
    private final PageService standing;

    CacheInvalidation(PageCache pages, PageService standing) {
        this.pages = pages;
        this.standing = standing;
    }

    @Override
    public void changed(ArticleEvent event) {
        if (event.kind() == ArticleEvent.Kind.WRITTEN) return; // nothing readers see
        Set<String> tags = shownIn(event.article());
        // an update leaves the front page's choice alone; a card there goes through its own tag
        if (event.kind() == ArticleEvent.Kind.UPDATED) tags.remove(PageTags.FRONT);
        drop(tags);
    }

    @Override
    public void sectionsChanged() {
        drop(Set.of(PageTags.SITE));
    }

    @Override
    public void changed(CommentEvent event) {
        drop(Set.of(PageTags.article(event.comment().articleId()), PageTags.COMMENTS));
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

    private void drop(Set<String> tags) {
        pages.invalidate(tags);
    }
}
