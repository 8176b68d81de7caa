package dateline.backups;

import dateline.storage.Folders;
import dateline.storage.ServingMark;
import dateline.storage.SqliteCopies;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes and restores backups of a site kept in SQLite (see the package's glossary). A backup is taken while the
 * site serves and writes: the database is copied in one read transaction ({@link SqliteCopies#snapshot}), then
 * the media folder is added. Media files are only ever added or removed, never changed, and a file is written
 * before the row naming it, so every file the copied database names is in the backup unless it was deleted in
 * between. Both the backup and the restore work beside their target and move into place only when whole.
 */
public final class Backups {
    static final String DATABASE = "dateline.db";
    static final String MANIFEST = "dateline-backup.properties";
    static final String MEDIA = "media";
    private static final String FORMAT = "1";
    /** Read and write by the owner only: a backup holds every account's password hash and readers' addresses. */
    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** What a backup holds. */
    public record Written(Path file, long bytes, long databaseBytes, int mediaFiles, String schemaVersion,
                          Duration took) {}

    /** What a restore put in place, and where the folder it replaced was kept, if any. */
    public record Restored(Path dataDir, int mediaFiles, String schemaVersion, Optional<Path> keptAside) {}

    /** Thrown, before anything is written, when a backup or restore cannot be made; the message says why. */
    public static final class BackupRefused extends IllegalArgumentException {
        BackupRefused(String message) {
            super(message);
        }
    }

    private final Clock clock;

    public Backups(Clock clock) {
        this.clock = clock;
    }

    /** Writes a backup of the site in {@code dataDir} to {@code file}, replacing an older backup there. */
    public Written write(Path dataDir, Path file) {
        if (!Files.isRegularFile(dataDir.resolve(DATABASE))) {
            throw new BackupRefused("There is no site in " + dataDir + ": it has no " + DATABASE + ".");
        }
        return write(dataDir.resolve(DATABASE), dataDir.resolve(MEDIA), file);
    }

    /**
     * Writes a backup of the site whose database is the SQLite file {@code database}, wherever it is, and whose media
     * files are in the folder {@code media} (null when they are kept in the database), to {@code file}.
     */
    public Written write(Path database, Path media, Path file) {
        long started = System.nanoTime();
        if (!Files.isRegularFile(database)) throw new BackupRefused("There is no site database at " + database + ".");
        Path target = file.toAbsolutePath();
        if (!Files.isDirectory(target.getParent())) throw new BackupRefused("There is no folder " + target.getParent() + ".");
        Path copy = null;
        Path temporary = null;
        try {
            copy = ownerOnlyTempFile(target.getParent(), "." + target.getFileName() + ".", ".db");
            SqliteCopies.snapshot(database, copy);
            String schema = SqliteCopies.check(copy);
            temporary = ownerOnlyTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
            int mediaFiles;
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 ZipOutputStream zip = new ZipOutputStream(java.nio.channels.Channels.newOutputStream(channel))) {
                zip.setLevel(Deflater.BEST_SPEED); // images are compressed already; the database compresses well even so
                zip.setComment("Dateline backup");
                writeEntry(zip, MANIFEST, manifest(copy, schema).getBytes(StandardCharsets.UTF_8));
                putFile(zip, DATABASE, copy);
                mediaFiles = media == null ? 0 : putMedia(zip, media);
                zip.finish();
                zip.flush();
                channel.force(true);
            }
            long databaseBytes = Files.size(copy);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(target, Files.size(target), databaseBytes, mediaFiles, schema,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (SqliteCopies.NotADatabase e) {
            throw new BackupRefused(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(copy);
            deleteQuietly(temporary);
        }
    }

    /**
     * Makes the backup {@code file} the site in {@code dataDir}. The folder must be absent or empty, unless
     * {@code replace}: then the folder there is moved aside, beside it, and its new name answered. The backup is
     * read whole and checked (every entry's checksum, the database's digest and SQLite's integrity check) before
     * the data folder is touched: a damaged or cut-short file is refused, and nothing is written.
     */
    public Restored restore(Path file, Path dataDir, boolean replace) {
        if (!Files.isRegularFile(file)) throw new BackupRefused("There is no backup file at " + file + ".");
        Path target = dataDir.toAbsolutePath().normalize();
        boolean occupied = occupied(target);
        if (occupied && !replace) {
            throw new BackupRefused("The data folder " + dataDir + " is not empty. Restore into a new folder, or give "
                    + "--replace to move the site there aside (it is kept beside it).");
        }
        if (occupied && ServingMark.isServed(target)) {
            throw new BackupRefused("A server is running on the data folder " + dataDir + ". Stop it, then restore.");
        }
        try (ZipFile zip = openWhole(file)) {
            checkWhole(file, zip);
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".restoring-");
            try {
                int mediaFiles = unpack(zip, staging);
                String schema = SqliteCopies.check(staging.resolve(DATABASE));
                Optional<Path> aside = Optional.empty();
                if (occupied) {
                    Path kept = target.resolveSibling(target.getFileName() + ".before-restore-"
                            + ASIDE.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
                    Files.move(target, kept, StandardCopyOption.ATOMIC_MOVE);
                    aside = Optional.of(kept);
                } else if (Files.isDirectory(target)) {
                    Files.delete(target); // empty
                }
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                staging = null;
                return new Restored(target, mediaFiles, schema, aside);
            } finally {
                if (staging != null) deleteTree(staging);
            }
        } catch (SqliteCopies.NotADatabase e) {
            throw new BackupRefused(file + " holds no usable database: " + e.getMessage());
        } catch (FileAlreadyExistsException e) {
            throw new BackupRefused("Could not move the restored site into " + dataDir + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not restore " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean occupied(Path folder) {
        if (!Files.exists(folder)) return false;
        if (!Files.isDirectory(folder)) throw new BackupRefused(folder + " is a file, not a data folder.");
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZipFile openWhole(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (IOException e) {
            throw damaged(file, e);
        }
    }

    /**
     * Reads every entry through to its end, which checks its CRC, and checks the names, the manifest and the
     * database's length and digest; writes nothing.
     */
    private static Properties checkWhole(Path file, ZipFile zip) {
        Properties manifest = new Properties();
        String digest = null;
        long databaseBytes = -1;
        try {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                checkName(file, entry.getName());
                if (entry.isDirectory()) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals(MANIFEST)) {
                        manifest.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    } else if (entry.getName().equals(DATABASE)) {
                        DigestInputStream digesting = new DigestInputStream(in, sha256());
                        databaseBytes = digesting.transferTo(OutputStream.nullOutputStream());
                        digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
                    } else {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
        } catch (IOException e) {
            throw damaged(file, e);
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new BackupRefused(file + " is not a Dateline backup (it has no manifest of format " + FORMAT + ").");
        }
        if (digest == null) throw new BackupRefused(file + " holds no " + DATABASE + ".");
        if (!digest.equals(manifest.getProperty("database-sha256"))
                || !Long.toString(databaseBytes).equals(manifest.getProperty("database-bytes"))) {
            throw new BackupRefused(file + " is damaged: its database is not the one its manifest describes.");
        }
        return manifest;
    }

    private static void checkName(Path file, String name) {
        if (!(name.equals(MANIFEST) || name.equals(DATABASE) || isMediaName(name))) {
            throw new BackupRefused(file + " is not a Dateline backup: it holds an unexpected entry '" + name + "'.");
        }
    }

    /** A path inside {@code media/} that cannot lead outside it once unpacked. */
    private static boolean isMediaName(String name) {
        if (!name.startsWith(MEDIA + "/") || name.contains("\\")) return false;
        String rest = name.substring(MEDIA.length() + 1);
        if (rest.endsWith("/")) rest = rest.substring(0, rest.length() - 1);
        if (rest.isEmpty()) return true;
        for (String part : rest.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) return false;
        }
        return true;
    }

    private static BackupRefused damaged(Path file, IOException e) {
        return new BackupRefused(file + " is not a whole Dateline backup (damaged or cut short): " + e.getMessage());
    }

    /** Unpacks the checked backup into the staging folder; answers how many media files it held. */
    private static int unpack(ZipFile zip, Path staging) throws IOException {
        int mediaFiles = 0;
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.isDirectory() || entry.getName().equals(MANIFEST)) continue;
            Path to = staging.resolve(entry.getName()).normalize();
            if (!to.startsWith(staging)) throw new BackupRefused("The backup names a file outside the data folder.");
            Files.createDirectories(to.getParent());
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, to);
            }
            if (entry.getLastModifiedTime() != null) Files.setLastModifiedTime(to, entry.getLastModifiedTime());
            if (!entry.getName().equals(DATABASE)) mediaFiles++;
        }
        return mediaFiles;
    }

    private String manifest(Path copy, String schema) throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("created", clock.instant().toString());
        manifest.setProperty("schema", schema);
        manifest.setProperty("database-bytes", Long.toString(Files.size(copy)));
        try (InputStream in = new DigestInputStream(Files.newInputStream(copy), sha256())) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(OutputStream.nullOutputStream());
            manifest.setProperty("database-sha256", HexFormat.of().formatHex(digest.digest()));
        }
        StringWriter text = new StringWriter();
        manifest.store(text, "Dateline backup: restore with 'dateline restore --from FILE --data DIR'");
        return text.toString();
    }

    private static int putMedia(ZipOutputStream zip, Path media) throws IOException {
        if (!Files.isDirectory(media)) return 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(media)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")) // an upload being written
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
        int written = 0;
        for (Path path : files) {
            String name = MEDIA + "/" + media.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
            try {
                putFile(zip, name, path);
                written++;
            } catch (java.nio.file.NoSuchFileException e) {
                // deleted since the walk: the database copied before it may name it, as it named it then
            }
        }
        return written;
    }

    private static void putFile(ZipOutputStream zip, String name, Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            ZipEntry entry = new ZipEntry(name);
            entry.setLastModifiedTime(Files.getLastModifiedTime(path));
            zip.putNextEntry(entry);
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    private void writeEntry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FileTime.from(clock.instant()));
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static Path ownerOnlyTempFile(Path folder, String prefix, String suffix) throws IOException {
        try {
            return Files.createTempFile(folder, prefix, suffix, OWNER_ONLY);
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(folder, prefix, suffix); // a file system without POSIX permissions
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) return;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temporary file left beside the target; its name starts with a dot
        }
    }

    private static void deleteTree(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException e) {
            // left beside the data folder; its name starts with a dot
        }
    }
}
