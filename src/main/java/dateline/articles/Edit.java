package dateline.articles;

/**
 * What kind of change a save of a published article is. A minor edit (a typo) moves no date; a
 * significant update and a correction move "Last Updated" and carry a public note.
 */
public sealed interface Edit {
    record Minor() implements Edit {}

    record SignificantUpdate(String note) implements Edit {}

    record Correction(String note) implements Edit {}

    static Edit minor() {
        return new Minor();
    }
}
