package dateline.moderation;

import org.jdbi.v3.core.Handle;

/**
 * Told when the spam classifier's weights change (a moderator's decision nudged them, or the model was
 * trained again), inside the transaction that changes them, so that every other process serving the site
 * can drop the weights it holds in memory once that commits. Connected by {@code Wiring}.
 */
public interface SpamModelListener {
    void weightsChanging(Handle h);
}
