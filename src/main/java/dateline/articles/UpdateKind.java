package dateline.articles;

import java.util.Locale;

/** A public note on an article: a significant update, or a correction of something that was wrong. */
public enum UpdateKind {
    UPDATE, CORRECTION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static UpdateKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
