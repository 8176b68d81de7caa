package dateline.web;

import java.util.List;

/**
 * A feed a page offers, named in its head so that browsers and feed readers find it (autodiscovery). Every
 * list of the site has its feeds at its own address followed by {@code feed/} (RSS 2.0) and
 * {@code feed/atom/} (Atom), as WordPress readers know them.
 */
public record FeedLink(String type, String title, String url) {
    public static final String RSS = "application/rss+xml";
    public static final String ATOM = "application/atom+xml";

    /** The RSS and Atom feeds of the list at {@code path}, such as {@code /sections/world/}. */
    public static List<FeedLink> of(String path, String title) {
        return List.of(new FeedLink(RSS, title, path + "feed/"), new FeedLink(ATOM, title + " (Atom)", path + "feed/atom/"));
    }
}
