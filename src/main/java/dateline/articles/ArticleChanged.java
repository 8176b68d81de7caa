package dateline.articles;

/**
 * Thrown when a save was based on an older version than the stored one: somebody else saved the article
 * since the editor opened it. Nothing was written; {@code current} is what is stored now.
 */
public final class ArticleChanged extends RuntimeException {
    private final FullArticle current;

    public ArticleChanged(FullArticle current) {
        super("Article " + current.article().id() + " changed since it was opened");
        this.current = current;
    }

    public FullArticle current() {
        return current;
    }
}
