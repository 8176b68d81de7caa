package dateline.articles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of journalism an article is. Readers are told when it is not plain news, so that opinion is
 * never mistaken for reporting.
 */
public enum ArticleType {
    NEWS("News", "NewsArticle"),
    ANALYSIS("Analysis", "AnalysisNewsArticle"),
    OPINION("Opinion", "OpinionNewsArticle"),
    EXPLAINER("Explainer", "BackgroundNewsArticle"),
    FEATURE("Feature", "NewsArticle"),
    INTERVIEW("Interview", "NewsArticle"),
    REVIEW("Review", "ReviewNewsArticle"),
    OBITUARY("Obituary", "NewsArticle");

    private final String label;
    private final String schemaType;

    ArticleType(String label, String schemaType) {
        this.label = label;
        this.schemaType = schemaType;
    }

    /**
     * The schema.org type that says what kind of journalism it is to search engines: a subtype of
     * {@code NewsArticle} where schema.org has one, {@code NewsArticle} itself (with a {@code genre}) where not.
     */
    public String schemaType() {
        return schemaType;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The label shown above the headline, or null for plain news, which needs none. */
    public String labelToShow() {
        return this == NEWS ? null : label;
    }

    public static Optional<ArticleType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code().equals(code)).findFirst();
    }
}
