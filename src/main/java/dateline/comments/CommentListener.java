package dateline.comments;

import org.jdbi.v3.core.Handle;

/**
 * Something above the comments feature that must follow what readers see of comments. {@code Wiring}
 * connects listeners with {@link CommentService#addListener}; the comments feature knows nothing of them.
 */
public interface CommentListener {

    /**
     * Called inside the transaction that makes the change, with the comment as it now stands. What the
     * listener writes through {@code h} commits or rolls back with the change, so an outbox kept this way
     * never announces what did not happen; throwing undoes the change.
     */
    default void changing(Handle h, CommentEvent event) {}

    /**
     * Called once the change is committed, on the thread that made it, for work that must only happen once
     * the change is real (caches). It should be quick and must not throw.
     */
    default void changed(CommentEvent event) {}
}
