package dateline.web;

import java.util.List;

/**
 * What goes in a page's {@code <head>} besides the frame: title, description, canonical address, robots
 * rule, social-card meta tags, structured data (JSON that is already safe inside a script element), and
 * the site's own scripts the page uses (deferred; the page works without them).
 */
public record Head(String title, String description, String canonicalUrl, String robots, List<Meta> meta,
                   String jsonLd, List<String> scripts) {

    public Head(String title, String description, String canonicalUrl, String robots, List<Meta> meta, String jsonLd) {
        this(title, description, canonicalUrl, robots, meta, jsonLd, List.of());
    }

    public static Head of(String title, String description, String canonicalUrl) {
        return new Head(title, description, canonicalUrl, null, List.of(), null);
    }

    public Head withScript(String url) {
        List<String> all = new java.util.ArrayList<>(scripts);
        all.add(url);
        return new Head(title, description, canonicalUrl, robots, meta, jsonLd, List.copyOf(all));
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
