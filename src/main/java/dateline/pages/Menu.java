package dateline.pages;

import java.util.Locale;
import java.util.Optional;

/** The two menus of the site: the header's navigation and the footer's list of links. */
public enum Menu {
    HEADER("Header navigation"), FOOTER("Footer");

    private final String label;

    Menu(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<Menu> ofCode(String code) {
        for (Menu menu : values()) if (menu.code().equals(code)) return Optional.of(menu);
        return Optional.empty();
    }
}
