package dateline.articles;

import java.time.Instant;

/**
 * A public page of articles as a sitemap lists it: the page's address, the id it is paged by, and when
 * its content last changed in substance (for an article its last significant update; for a section, tag
 * or author the newest such change among its articles).
 */
public record PublicAddress(long id, String path, Instant lastModified) {

    /** The kinds of public page a sitemap lists, each paged by the id of what it shows. */
    public enum Kind {
        ARTICLES, SECTIONS, TAGS, AUTHORS;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Kind> ofCode(String code) {
            return java.util.Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
        }
    }
}
