package dateline.articles;

import java.util.Locale;

/** How an article's body was written: Markdown in the newsroom, HTML when it came from elsewhere. */
public enum BodyFormat {
    MARKDOWN, HTML;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BodyFormat ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
