package dateline.site;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the site presents itself to feed readers and search engines: whether its feeds carry whole articles
 * or their summaries, how many articles a feed holds, and the publisher's logo for structured data. The
 * logo is an address (a full one, or a path on this site such as an uploaded image's); when none is set
 * the site's icon stands in.
 */
public record DiscoverySettings(FeedContent feedContent, int feedLength, String logoUrl) {

    /** What each article in a feed carries. */
    public enum FeedContent {
        /** The whole text, so readers can read in their feed reader. */
        FULL,
        /** The standfirst or an excerpt, so readers come to the site to read on. */
        SUMMARY;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<FeedContent> ofCode(String code) {
            return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
        }
    }

    public static DiscoverySettings defaults() {
        return new DiscoverySettings(FeedContent.FULL, 20, "");
    }
}
