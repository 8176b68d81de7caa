package dateline.feeds;

import dateline.web.FeedLink;

/** The two feed formats every feed of the site is offered in, as Rome names them. */
enum FeedFormat {
    RSS("rss_2.0", FeedLink.RSS),
    ATOM("atom_1.0", FeedLink.ATOM);

    private final String romeType;
    private final String mediaType;

    FeedFormat(String romeType, String mediaType) {
        this.romeType = romeType;
        this.mediaType = mediaType;
    }

    String romeType() {
        return romeType;
    }

    String contentType() {
        return mediaType + "; charset=utf-8";
    }

    /** Where the feed of the list at {@code path} lives in this format (see {@link FeedLink#of}). */
    String pathFor(String path) {
        return path + (this == RSS ? "feed/" : "feed/atom/");
    }
}
