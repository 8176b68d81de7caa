package dateline.imports;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to import an export: {@code uploads} is a copy of the old site's {@code wp-content/uploads} folder, from
 * which attachments become media files (without it, articles keep linking to the files at the old site);
 * a dry run reads and checks the whole file and reports what it would create, writing nothing.
 */
public record ImportOptions(Optional<Path> uploads, boolean dryRun) {
    public ImportOptions {
        uploads = uploads == null ? Optional.empty() : uploads;
    }

    /** Everything written, no uploads folder. */
    public static ImportOptions plain() {
        return new ImportOptions(Optional.empty(), false);
    }
}
