package dateline.articles;

import org.jdbi.v3.core.Handle;

/**
 * Something above the articles feature that must follow every change to an article. {@code Wiring}
 * connects listeners with {@link ArticleService#addListener}; the articles feature knows nothing of them.
 */
public interface ArticleListener {

    /**
     * Called inside the transaction that changes the article, with the article as it now stands (any
     * status). What the listener writes through {@code h} commits or rolls back with the change, so an
     * index or an outbox kept this way never drifts from the articles; throwing undoes the change.
     */
    default void changing(Handle h, ArticleEvent event) {}

    /**
     * Called once the change is committed, on the thread that made it, for work that must only happen once
     * the change is real (deliveries, caches). It should be quick and must not throw.
     */
    default void changed(ArticleEvent event) {}

    /** Called once a section is opened or changed: every page shows the sections in its navigation. */
    default void sectionsChanged() {}
}
