package dateline.articles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kind of journalism an article is. Readers are told when it is not plain news, so that opinion is
 * never mistaken for reporting.
 */
public enum ArticleType {
    NEWS("News"),
    ANALYSIS("Analysis"),
    OPINION("Opinion"),
    EXPLAINER("Explainer"),
    FEATURE("Feature"),
    INTERVIEW("Interview"),
    REVIEW("Review"),
    OBITUARY("Obituary");

    private final String label;

    ArticleType(String label) {
        this.label = label;
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
