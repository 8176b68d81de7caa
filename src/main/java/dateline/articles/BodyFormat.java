package dateline.articles;

import dateline.markup.Markdown;
import dateline.markup.SafeHtml;
import java.util.Locale;
import java.util.Optional;

/** How an article's body was written: Markdown in the newsroom, HTML when it came from elsewhere. */
public enum BodyFormat {
    MARKDOWN, HTML;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static BodyFormat ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The format of this code ("markdown", "html"), or empty for anything else. */
    public static Optional<BodyFormat> named(String code) {
        if (code == null) return Optional.empty();
        return java.util.Arrays.stream(values()).filter(f -> f.code().equals(code.strip())).findFirst();
    }

    /**
     * A body written in this format as readers get it: Markdown rendered, HTML cleaned, both by the one
     * policy of every page. What is stored, what the editors' previews show and what readers see all come
     * from here, so a preview cannot differ from the page.
     */
    public String toSafeHtml(String body, Markdown markdown) {
        String text = body == null ? "" : body;
        return this == HTML ? SafeHtml.sanitize(text) : markdown.toSafeHtml(text);
    }
}
