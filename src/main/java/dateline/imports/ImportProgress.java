package dateline.imports;

/**
 * Hears how far an import has come, often (so it should be quick): the stage ("checking", "authors",
 * "sections", "tags", "media", "articles", "comments") and how many of its things are done so far.
 */
@FunctionalInterface
public interface ImportProgress {
    /** Hears nothing. */
    ImportProgress NONE = (name, done) -> {};

    void stage(String name, long done);
}
