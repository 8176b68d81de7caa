package dateline.web;

import java.util.List;

/**
 * What goes in a page's {@code <head>} besides the frame: title, description, canonical address, robots
 * rule, social-card meta tags, structured data (JSON that is already safe inside a script element), the
 * site's own scripts the page uses (deferred; the page works without them), and the feeds of this page in
 * particular (the site's own feeds are the frame's).
 */
public record Head(String title, String description, String canonicalUrl, String robots, List<Meta> meta,
                   String jsonLd, List<String> scripts, List<FeedLink> feeds) {
    /** The robots rule of a page search engines should not list, such as search results; its links are still followed. */
    public static final String NOINDEX = "noindex";

    public Head(String title, String description, String canonicalUrl, String robots, List<Meta> meta, String jsonLd,
                List<String> scripts) {
        this(title, description, canonicalUrl, robots, meta, jsonLd, scripts, List.of());
    }

    public Head(String title, String description, String canonicalUrl, String robots, List<Meta> meta, String jsonLd) {
        this(title, description, canonicalUrl, robots, meta, jsonLd, List.of(), List.of());
    }

    /** The same head, asking search engines not to list the page (search results, sign-in pages). */
    public Head noindex() {
        return new Head(title, description, canonicalUrl, NOINDEX, meta, jsonLd, scripts, feeds);
    }

    /** The same head, offering these feeds of the page besides the site's. */
    public Head withFeeds(List<FeedLink> pageFeeds) {
        return new Head(title, description, canonicalUrl, robots, meta, jsonLd, scripts, List.copyOf(pageFeeds));
    }

    public static Head of(String title, String description, String canonicalUrl) {
        return new Head(title, description, canonicalUrl, null, List.of(), null);
    }

    public Head withScript(String url) {
        List<String> all = new java.util.ArrayList<>(scripts);
        all.add(url);
        return new Head(title, description, canonicalUrl, robots, meta, jsonLd, List.copyOf(all), feeds);
    }

    /** A meta tag: {@code attribute} is "property" (OpenGraph) or "name" (everything else). */
    public record Meta(String attribute, String name, String content) {
        public static Meta property(String name, String content) {
            return new Meta("property", name, content);
        }

        public static Meta name(String name, String content) {
            return new Meta("name", name, content);
        }

        public boolean isProperty() {
            return "property".equals(attribute);
        }
    }
}
