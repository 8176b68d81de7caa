package dateline.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says that a server is serving a data folder, so that a command which would replace the folder under it
 * ({@code restore --replace}) can refuse. A server holds a shared lock on the file {@value #FILE} in the folder
 * for as long as it runs (several servers may share one folder); the system drops it when the process ends, however
 * it ends, so a killed server leaves no stale mark. A command asks for the same lock exclusively: refused means a
 * server holds it.
 *
 * <p>The mark is a courtesy, not a guarantee: on a file system that cannot lock (some network shares), the server
 * runs unmarked, and the check finds no server.
 */
public final class ServingMark implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServingMark.class);
    static final String FILE = "serving.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ServingMark(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Marks {@code dataDir} as served by this process until {@link #close()} or the process's end. */
    public static ServingMark take(Path dataDir) {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock != null) return new ServingMark(channel, lock);
        } catch (OverlappingFileLockException e) {
            // another server of this same process serves the folder and has marked it already
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not mark {} as served", dataDir, e);
        }
        closeQuietly(channel);
        return new ServingMark(null, null);
    }

    /** Whether a running server, in this process or another, has marked {@code dataDir}. */
    public static boolean isServed(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) lock.release();
        } catch (IOException e) {
            LOG.debug("Could not release the serving mark", e);
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }
}
