package dateline.articles;

import java.util.Optional;

/**
 * A committed change to an article, as its listeners hear of it.
 *
 * @param note the public note that came with a significant update or a correction
 * @param formerPath the address the article left, when the change gave it a new one
 */
public record ArticleEvent(Kind kind, FullArticle article, Optional<ArticleUpdate> note, Optional<String> formerPath) {

    public enum Kind {
        /** A change readers cannot see: a draft written, saved, submitted, scheduled or unscheduled. */
        WRITTEN,
        /** The article went out; readers see it from now on. */
        PUBLISHED,
        /** A public article changed: a minor edit, a significant update, a correction, a new address. */
        UPDATED,
        /**
         * A public article was pinned to the front page or taken off it: only the front page changes. (Pinning
         * an article readers cannot see is {@link #WRITTEN}.)
         */
        PINNED,
        /** The article was retracted: its page stays, marked with the note, and lists drop it. */
        RETRACTED
    }

    static ArticleEvent of(Kind kind, FullArticle article) {
        return new ArticleEvent(kind, article, Optional.empty(), Optional.empty());
    }
}
