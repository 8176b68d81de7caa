package dateline.web;

/**
 * The names of what a cached page shows, shared by the routes that declare them ({@link PageCache#shows})
 * and the one place that drops pages when something changes. A page showing an article in full declares
 * {@link #article}; a list showing it as one card among others declares {@link #listed}, so that a new
 * comment (which changes the article's page) leaves the lists alone.
 */
public final class PageTags {
    /** What every page shows: the site's settings, its sections in the navigation, its menus. */
    public static final String SITE = "site";
    /** The front page and its feeds: the latest articles. */
    public static final String FRONT = "front";
    /** The sitemaps and the news sitemap. */
    public static final String SITEMAPS = "sitemaps";
    /** The feeds of the latest comments on the whole site. */
    public static final String COMMENTS = "comments";

    private PageTags() {}

    public static String article(long id) {
        return "article:" + id;
    }

    public static String listed(long articleId) {
        return "listed:" + articleId;
    }

    /** A standing page: on its own page, and in the breadcrumbs of the pages under it. */
    public static String page(long id) {
        return "page:" + id;
    }

    public static String section(long id) {
        return "section:" + id;
    }

    public static String tag(long id) {
        return "tag:" + id;
    }

    /** Every page that shows this person's name in a byline. */
    public static String byline(long accountId) {
        return "byline:" + accountId;
    }

    /** The list of this person's articles. */
    public static String author(long accountId) {
        return "author:" + accountId;
    }
}
