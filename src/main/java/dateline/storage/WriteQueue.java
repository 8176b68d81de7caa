package dateline.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of an SQLite database: write transactions from every thread are queued and run on one
 * thread, the ones that waited together sharing one commit (a group commit), each in a savepoint of its own.
 * A caller gets its answer only once the commit that holds its work has returned, so what it acknowledges
 * is on disk; a work that throws is rolled back alone and its exception reaches its caller.
 *
 * <p>Why: with {@code synchronous=FULL} every commit waits for the disk to flush the write-ahead log
 * (about 2 ms on a virtual disk, 0.1 to 10 ms on others), and SQLite has one writer at a time, so one
 * commit per comment caps a site at a few hundred comments a second; sharing the flush lifts that cap
 * without giving up durability. And writers that wait inside SQLite are woken by its busy handler, which
 * sleeps in steps of up to 100 ms: measured with eight writers posting comments, p99 was 1.7 s and 30
 * comments a second; queued here, writers wait in order, woken at once.
 *
 * <p>Writers in other processes (a command beside the server) still meet this one at SQLite's lock, and
 * wait for it there ({@code busy_timeout}); every transaction begins {@code IMMEDIATE}, so it never starts
 * as a reader and fails when it needs to write. A work that starts another write transaction from inside
 * the writer (a service calling another's) runs in the same transaction, in a savepoint. Within a commit, a
 * statement is prepared once and run again for the same SQL ({@link ReusedStatements}).
 */
public final class WriteQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteQueue.class);
    /** Most works sharing one commit: enough to cover every thread a server has, few enough to keep a batch short. */
    private static final int BATCH = 256;

    /** How {@link Jdbi} carries the queue of its database to every repository built over it. */
    public static final class Config implements JdbiConfig<Config> {
        private WriteQueue queue;

        @Override
        public Config createCopy() {
            Config copy = new Config();
            copy.queue = queue;
            return copy;
        }
    }

    private record Job<T>(Function<Handle, T> work, boolean flush, CompletableFuture<T> done) {
        void run(Handle h, List<Runnable> afterCommit) {
            h.execute("SAVEPOINT work");
            try {
                T result = work.apply(h);
                h.execute("RELEASE work");
                afterCommit.add(() -> done.complete(result));
            } catch (Throwable e) {
                h.execute("ROLLBACK TO work");
                h.execute("RELEASE work");
                afterCommit.add(() -> done.completeExceptionally(e));
            }
        }
    }

    /** Wakes the writer to stop; never run. */
    private static final Job<Void> STOP = new Job<>(h -> null, false, new CompletableFuture<>());

    private final Jdbi jdbi;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    /** The transaction the writer is running, for a work that starts another from inside; writer thread only. */
    private Handle current;

    private WriteQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = new Thread(this::writeUntilClosed, "dateline-writer");
        thread.setDaemon(true);
    }

    /** Starts the one writer of the database behind {@code jdbi}; every {@link #inTransaction} goes through it. */
    static WriteQueue start(Jdbi jdbi) {
        WriteQueue writer = new WriteQueue(jdbi);
        jdbi.getConfig(Config.class).queue = writer;
        writer.thread.start();
        return writer;
    }

    /**
     * Runs the work in a transaction: through the database's writer when it has one, else on a connection
     * of the caller's. Everything the work writes is stored, or nothing is; the answer comes after the commit.
     */
    public static <T> T inTransaction(Jdbi jdbi, Function<Handle, T> work) {
        WriteQueue writer = jdbi.getConfig(Config.class).queue;
        return writer == null ? onCallersConnection(jdbi, work) : writer.write(work, true);
    }

    /**
     * Runs the work in a transaction whose commit need not wait for the disk, for what the site can afford to
     * lose in a power cut (not in a crash of the process): a rate-limit counter. The next commit that does
     * wait carries it to the disk too. Through the writer it shares commits with the others; a group made of
     * such works alone is committed without a flush.
     */
    public static <T> T inUnflushedTransaction(Jdbi jdbi, Function<Handle, T> work) {
        WriteQueue writer = jdbi.getConfig(Config.class).queue;
        return writer == null ? onCallersConnection(jdbi, work) : writer.write(work, false);
    }

    /**
     * A transaction on the caller's connection (PostgreSQL's way). One started inside another on the same thread
     * joins it, as through the writer, in a savepoint, so that it can be undone alone: Jdbi hands a nested call
     * the thread's handle, whose transaction would otherwise keep what the inner work wrote before it failed.
     */
    private static <T> T onCallersConnection(Jdbi jdbi, Function<Handle, T> work) {
        return jdbi.withHandle(h -> h.isInTransaction() ? inSavepoint(h, work) : h.inTransaction(work::apply));
    }

    /** {@link #inTransaction} for a work that answers nothing. */
    public static void useTransaction(Jdbi jdbi, Consumer<Handle> work) {
        inTransaction(jdbi, h -> {
            work.accept(h);
            return null;
        });
    }

    private <T> T write(Function<Handle, T> work, boolean flush) {
        if (Thread.currentThread() == thread) return nested(work);
        if (closed) throw new IllegalStateException("The database is closed");
        Job<T> job = new Job<>(work, flush, new CompletableFuture<>());
        queue.add(job);
        if (closed && !thread.isAlive() && queue.remove(job)) throw new IllegalStateException("The database is closed");
        try {
            return job.done().join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error error) throw error;
            throw e;
        }
    }

    private <T> T nested(Function<Handle, T> work) {
        return inSavepoint(current, work);
    }

    /** Runs the work in a savepoint of the handle's transaction (not named "inner": a keyword of PostgreSQL's). */
    private static <T> T inSavepoint(Handle h, Function<Handle, T> work) {
        h.execute("SAVEPOINT nested_work");
        try {
            T result = work.apply(h);
            h.execute("RELEASE nested_work");
            return result;
        } catch (RuntimeException | Error e) {
            h.execute("ROLLBACK TO nested_work");
            h.execute("RELEASE nested_work");
            throw e;
        }
    }

    private void writeUntilClosed() {
        List<Job<?>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Job<?> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                batch.remove(STOP);
                if (!batch.isEmpty()) commit(batch);
            } catch (InterruptedException e) {
                if (closed) break;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Job<?>> batch) {
        List<Runnable> afterCommit = new ArrayList<>(batch.size());
        boolean flush = batch.stream().anyMatch(Job::flush);
        try {
            // useHandle binds the handle to this thread, so a work that reads through the database (rather than
            // its handle) while it writes still sees what it wrote, as in a transaction of its own
            jdbi.useHandle(h -> {
                current = h;
                ReusedStatements statements = new ReusedStatements(h.getStatementBuilder());
                h.setStatementBuilder(statements);
                if (!flush) h.execute("PRAGMA synchronous = NORMAL");
                try {
                    h.begin();
                    try {
                        for (Job<?> job : batch) job.run(h, afterCommit);
                        h.commit();
                    } catch (RuntimeException e) {
                        h.rollback();
                        throw e;
                    }
                } finally {
                    if (!flush) h.execute("PRAGMA synchronous = FULL");
                    statements.close(h.getConnection());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("A group of {} writes could not be committed; each caller is told", batch.size(), e);
            for (Job<?> job : batch) job.done().completeExceptionally(e);
            return;
        } finally {
            current = null;
        }
        for (Runnable answer : afterCommit) answer.run();
    }

    /** Finishes the writes already queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jdbi.getConfig(Config.class).queue = null;
    }
}
