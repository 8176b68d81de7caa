package dateline.pages;

import dateline.markup.Slugs;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a page's address and a menu's link acceptable. A top-level page shares the first part of
 * the path with every other address of the site, so its slug must not be one the site uses itself: this
 * is the one list of those (a test holds it to the route table).
 */
public final class PageRules {
    /** The first parts of the site's own addresses; a top-level page may not take one. */
    public static final Set<String> RESERVED = Set.of(
            "admin", "api", "assets", "authors", "comments", "corrections", "feed", "feeds", "forgot-password",
            "healthz", "login", "logout", "media", "metrics", "news-sitemap.xml", "pages", "policies", "readyz",
            "reset-password", "robots.txt", "search", "sections", "setup", "sitemap.xml", "sitemaps", "tags");
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 500_000;
    static final int MAX_LABEL = 80;
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<>]+|/[^\\s\"<>/][^\\s\"<>]*|/)");

    private PageRules() {}

    /** True when a page at the top of the site could not have this slug: the site answers there already. */
    public static boolean isReserved(String slug) {
        return RESERVED.contains(slug) || YEAR.matcher(slug).matches();
    }

    /** Why the slug cannot be a page's, or null when it can. */
    static String slugProblem(String slug, boolean topLevel) {
        if (!Slugs.isValid(slug)) return "Use lower-case letters, digits and single hyphens, at most "
                + Slugs.MAX_LENGTH + " characters.";
        if (topLevel && isReserved(slug)) return "The site uses /" + slug + "/ itself; choose another slug.";
        return null;
    }

    /** A link a menu may carry: to another site over http(s), or to an address of this one ({@code /…}, not {@code //…}). */
    static boolean isAcceptableLink(String url) {
        return url != null && url.length() <= 2000 && LINK.matcher(url).matches();
    }
}
