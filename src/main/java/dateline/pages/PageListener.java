package dateline.pages;

/**
 * Something above the pages feature that must follow changes to pages and menus (a page cache). {@code
 * Wiring} connects listeners with {@link PageService#addListener}; the pages feature knows nothing of them.
 * Both are called once the change is committed, on the thread that made it; they should be quick and must
 * not throw.
 */
public interface PageListener {
    default void changed(PageEvent event) {}

    /** A menu was arranged: an item added, moved or removed. Every page shows the menus. */
    default void menuChanged(Menu menu) {}
}
