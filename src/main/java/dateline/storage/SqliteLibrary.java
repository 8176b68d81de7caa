package dateline.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Puts SQLite's native library where the driver will load it from, before the first connection. Left to itself
 * the driver writes the library out of its jar into the temporary folder at every start and then compares the
 * copy with the original one byte at a time, some two million single-byte reads before the compiler has
 * caught up: about 0.3 s of processor time, a twentieth of a server's start. Here the library is copied in
 * bulk into a folder of its own made for this process (readable by its user only, removed when the process
 * ends, or at the next start after the process was killed), and the driver is pointed at it with its own {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}.
 * Where anything fails, or the operator has chosen a library, the driver finds one as it always does.
 */
final class SqliteLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteLibrary.class);
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    /** Each process's folder is named after it, so that one killed before it could remove its own is found. */
    private static final String PREFIX = "dateline-sqlite-";

    /** Whether this process has been through {@link #place()}: a native library is loaded once per process. */
    private static boolean placed;

    private SqliteLibrary() {}

    /** Removes the folders of processes that ended without removing theirs (killed, as a power cut would). */
    static void removeLeftBehind(Path parent) {
        try (var folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                String[] parts = folder.getFileName().toString().substring(PREFIX.length()).split("-", 2);
                long pid;
                try {
                    pid = Long.parseLong(parts[0]);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (parts.length < 2 || ProcessHandle.of(pid).isPresent()) continue;
                try (var files = Files.list(folder)) {
                    for (Path file : files.toList()) Files.deleteIfExists(file);
                }
                Files.deleteIfExists(folder);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not remove the SQLite libraries of ended processes", e); // another user's, say
        }
    }

    static synchronized void place() {
        if (placed) return;
        placed = true;
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) return;
        String folder = LibraryLoaderUtil.getNativeLibResourcePath();
        String name = LibraryLoaderUtil.getNativeLibName();
        try (InputStream library = org.sqlite.JDBC.class.getResourceAsStream(folder + "/" + name)) {
            if (library == null) return; // no library for this system in the jar: the driver looks elsewhere
            // the driver's own folder setting, for a system whose temporary folder cannot hold programs
            Path parent = Path.of(System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir")));
            removeLeftBehind(parent);
            Path directory = Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
            directory.toFile().deleteOnExit();
            Path file = directory.resolve(name);
            file.toFile().deleteOnExit(); // deleted before its folder: the reverse order of registering
            Files.write(file, library.readAllBytes());
            System.setProperty(PATH, directory.toString());
            System.setProperty(NAME, name);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Left SQLite's native library to its driver", e);
        }
    }
}
