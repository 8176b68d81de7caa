package dateline.articles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an article is in its life: draft → pending review (a contributor's) → scheduled or published →
 * retracted. Only published and retracted articles have a public page.
 */
public enum ArticleStatus {
    DRAFT("Draft"), PENDING("Pending review"), SCHEDULED("Scheduled"), PUBLISHED("Published"), RETRACTED("Retracted");

    private final String label;

    ArticleStatus(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public boolean isPublic() {
        return this == PUBLISHED || this == RETRACTED;
    }

    /** Not yet out: still being written or waiting for review. */
    public boolean isUnpublished() {
        return this == DRAFT || this == PENDING;
    }

    public static Optional<ArticleStatus> named(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    static ArticleStatus ofCode(String code) {
        return named(code).orElseThrow(() -> new IllegalArgumentException("Unknown article status " + code));
    }
}
