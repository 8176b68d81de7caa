package dateline.pages;

import java.util.Optional;

/**
 * A committed change to a page, as its listeners hear of it.
 *
 * @param page the page as it now stands (as it last stood, when deleted)
 * @param formerPath the address the page left, when the change gave it a new one
 */
public record PageEvent(Kind kind, Page page, Optional<String> formerPath) {

    public enum Kind {
        /** The page went out; readers see it from now on. */
        PUBLISHED,
        /** A page changed: its text, its title, or its address (then {@code formerPath} says which it left). */
        UPDATED,
        /** The page went back to being a draft; readers no longer see it. */
        UNPUBLISHED,
        /** The page is gone. */
        DELETED
    }

    static PageEvent of(Kind kind, Page page) {
        return new PageEvent(kind, page, Optional.empty());
    }
}
