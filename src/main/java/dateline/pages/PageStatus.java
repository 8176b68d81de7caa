package dateline.pages;

import java.util.Locale;

/** Whether readers can see a page: a draft is the newsroom's alone. */
public enum PageStatus {
    DRAFT, PUBLISHED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PageStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
