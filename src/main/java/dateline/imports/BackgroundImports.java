package dateline.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports from the newsroom, one at a time on one worker thread, so that the site keeps serving while a
 * large export is read. The uploaded file is kept in the data folder while it is imported and removed
 * afterwards. What is known of the running (or last) import lives in this process: an import runs on the
 * node that received the file, and its progress means nothing elsewhere; what it wrote is in the database.
 */
public final class BackgroundImports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundImports.class);

    /** Another import is under way; the newsroom says so instead of starting a second. */
    public static final class Busy extends RuntimeException {
        public Busy(ImportJob running) {
            super("An import of " + running.fileName() + " is under way; wait for its report before starting another.");
        }
    }

    private final ImportService imports;
    private final Path folder;
    private final Clock clock;
    private final Function<Path, Wxr.Reader> readers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dateline-import");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<ImportJob> latest = new AtomicReference<>();

    /** Imports with the reader that {@link #readerFor} chooses for each file. */
    public BackgroundImports(ImportService imports, Path folder, Clock clock) {
        this(imports, folder, clock, BackgroundImports::readerFor);
    }

    /** Imports with the reader {@code readers} gives for each file. */
    public BackgroundImports(ImportService imports, Path folder, Clock clock, Function<Path, Wxr.Reader> readers) {
        this.imports = imports;
        this.folder = folder;
        this.clock = clock;
        this.readers = readers;
    }

    /**
     * Keeps the uploaded file and starts importing it (a WXR file or Dateline's JSON, told apart by their
     * first character), unless an import is already under way.
     */
    public ImportJob begin(String fileName, InputStream content, boolean dryRun) {
        String name = fileName == null || fileName.isBlank() ? "export" : Path.of(fileName).getFileName().toString();
        ImportJob job = latest.updateAndGet(current -> {
            if (current != null && current.running()) throw new Busy(current);
            return ImportJob.started(current == null ? 1 : current.number() + 1, name, dryRun, clock.instant());
        });
        Path file;
        try {
            Files.createDirectories(folder);
            file = folder.resolve(job.number() + "-" + clock.millis() + (name.endsWith(".json") ? ".json" : ".xml"));
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            latest.set(job.failed("The file did not arrive whole: " + e.getMessage(), clock.instant()));
            throw new UncheckedIOException(e);
        }
        worker.submit(() -> run(file, dryRun));
        return job;
    }

    /** The import under way, or the last one since the site started. */
    public Optional<ImportJob> latest() {
        return Optional.ofNullable(latest.get());
    }

    private void run(Path file, boolean dryRun) {
        try {
            ImportReport report = imports.run(file, readers.apply(file), new ImportOptions(Optional.empty(), dryRun),
                    (stage, done) -> latest.updateAndGet(j -> j.at(stage, done)));
            latest.updateAndGet(j -> j.finished(report, clock.instant()));
        } catch (WxrException e) {
            latest.updateAndGet(j -> j.failed(e.getMessage(), clock.instant()));
        } catch (RuntimeException e) {
            LOG.error("The import of {} failed", file.getFileName(), e);
            latest.updateAndGet(j -> j.failed("The import stopped on an error of Dateline's own: " + e.getMessage(),
                    clock.instant()));
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not remove the imported file {}", file, e);
            }
        }
    }

    /** Dateline's JSON export begins with '{' (after any spaces); anything else is read as WXR. */
    public static Wxr.Reader readerFor(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '{' ? new DatelineJsonReader() : new WxrReader();
        } catch (IOException e) {
            throw new WxrException(0, "The file cannot be read: " + e.getMessage(), e);
        }
    }

    /** Stops the worker; an import under way is interrupted (each batch it wrote stays whole). */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
