package dateline.articles;

/** What an address leads to: an article, a permanent move to its current address, or nothing. */
public sealed interface ArticleLookup {
    record Found(FullArticle article) implements ArticleLookup {}

    record Moved(String path) implements ArticleLookup {}

    record Missing() implements ArticleLookup {}
}
