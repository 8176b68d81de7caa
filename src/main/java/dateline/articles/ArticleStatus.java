package dateline.articles;

import java.util.Arrays;
import java.util.Locale;

/** Where an article is in its life. Only published and retracted articles have a public page. */
public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, RETRACTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isPublic() {
        return this == PUBLISHED || this == RETRACTED;
    }

    static ArticleStatus ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown article status " + code));
    }
}
