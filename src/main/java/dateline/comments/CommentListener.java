package dateline.comments;

import java.util.List;
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

    /**
     * Called inside a transaction that stores many comments at once (an imported thread), with all their events
     * in order: a listener that writes something for each change can write it once for them all. By default,
     * each event is told alone.
     */
    default void changing(Handle h, List<CommentEvent> events) {
        for (CommentEvent event : events) changing(h, event);
    }

    /** Called once such a transaction is committed, with all its events in order; by default, each alone. */
    default void changed(List<CommentEvent> events) {
        for (CommentEvent event : events) changed(event);
    }
}
