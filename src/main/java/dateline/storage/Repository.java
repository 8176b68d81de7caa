package dateline.storage;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What every feature's repository shares: the database, and the two ways its service works with it. A
 * service runs several statements in one transaction (all of them are stored, or none) or reads on one
 * connection; the repository's own methods take the {@link Handle} they are given.
 */
public abstract class Repository {
    private final Jdbi jdbi;

    protected Repository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs the work in one transaction: everything it writes is stored, or nothing is. */
    public <T> T inTransaction(Function<Handle, T> work) {
        return WriteQueue.inTransaction(jdbi, work);
    }

    /** Runs the work on one connection, without a transaction of its own: for reads. */
    public <T> T read(Function<Handle, T> work) {
        return jdbi.withHandle(work::apply);
    }

    protected Jdbi jdbi() {
        return jdbi;
    }
}
