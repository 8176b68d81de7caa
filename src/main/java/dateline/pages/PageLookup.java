package dateline.pages;

/** What lives at an address: a published page, a page that moved from there, or nothing. */
public sealed interface PageLookup {
    record Found(Page page) implements PageLookup {}

    record Moved(String path) implements PageLookup {}

    record Missing() implements PageLookup {}
}
