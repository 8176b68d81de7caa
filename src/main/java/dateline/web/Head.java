package dateline.web;

import java.util.List;

/**
 * What goes in a page's {@code <head>} besides the frame: title, description, canonical address, robots
 * rule, social-card meta tags and structured data (JSON that is already safe inside a script element).
 */
public record Head(String title, String description, String canonicalUrl, String robots, List<Meta> meta,
                   String jsonLd) {

    public static Head of(String title, String description, String canonicalUrl) {
        return new Head(title, description, canonicalUrl, null, List.of(), null);
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
