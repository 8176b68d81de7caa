package dateline.media;

import dateline.markup.Slugs;
import dateline.web.Cursor;
import dateline.web.Keyset;
import dateline.web.InvalidInput;
import dateline.web.PageRequest;
import dateline.web.Paged;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Uploading images, describing them and finding them again in the media library. An upload is checked by
 * its bytes, kept as a private original, and re-encoded into variants, which are all that readers are ever
 * served. Owns the transactions of its verbs.
 */
public final class MediaService {
    static final int MAX_ALT_TEXT = 300;
    static final String NOT_AN_IMAGE = "Upload a JPEG, PNG, WebP or GIF image.";
    static final String SVG_REFUSED = "SVG images are not accepted, because they can carry scripts.";
    private static final String ALT_TEXT_TOO_LONG = "Keep the alt text under " + MAX_ALT_TEXT + " characters.";
    private static final int MAX_NAME = 255;
    private static final int MAX_KEY_SLUG = 40;
    private static final long MEGABYTE = 1024 * 1024;
    private static final DateTimeFormatter MONTH_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);
    private static final Pattern NOT_IN_KEYS = Pattern.compile("[^a-z0-9]+");

    private final MediaRepository repository;
    private final MediaStore store;
    private final Clock clock;
    private final LongSupplier maxBytes;

    /** {@code maxBytes} is asked at each upload, so a changed limit holds from the next one. */
    public MediaService(Jdbi jdbi, MediaStore store, Clock clock, LongSupplier maxBytes) {
        this.repository = new MediaRepository(jdbi);
        this.store = store;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    // ---- uploading and describing

    /**
     * Keeps an uploaded image: its original privately, its variants for readers, and what is known of it, all
     * or nothing. The same bytes uploaded again give the media file already kept, as it is.
     */
    public MediaFile upload(String originalName, byte[] bytes, Long uploaderId, String altText) {
        byte[] content = bytes == null ? new byte[0] : bytes;
        String alt = clean(altText);
        long limit = maxBytes.getAsLong();
        InvalidInput.check()
                .when(content.length > limit, "file", "This file is " + megabytes(content.length, RoundingMode.UP)
                        + "; the largest upload is " + megabytes(limit, RoundingMode.DOWN) + ".")
                .when(alt.length() > MAX_ALT_TEXT, "alt", ALT_TEXT_TOO_LONG)
                .throwIfAny();
        ImageKind kind = ImageKind.detect(content).orElseThrow(() ->
                InvalidInput.of("file", ImageKind.looksLikeSvg(content) ? SVG_REFUSED : NOT_AN_IMAGE));
        String sha256 = sha256(content);
        Optional<MediaFile> same = withBytes(sha256);
        if (same.isPresent()) return same.get();

        ImageVariants.Prepared prepared = ImageVariants.prepare(content, kind);
        Instant now = clock.instant();
        String folder = MONTH_FOLDER.format(now);
        String name = nameOf(originalName, kind);
        String originalKey = "originals/" + folder + "/" + sha256.substring(0, 32) + "." + kind.extension();
        String variantKeyStart = folder + "/" + sha256.substring(0, 16) + "-" + keySlugOf(name) + "-w";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(originalKey, content);
        List<MediaVariant> variants = new ArrayList<>();
        for (ImageVariants.Resized r : prepared.variants()) {
            String key = variantKeyStart + r.width() + "." + r.kind().extension();
            variants.add(new MediaVariant(r.width(), r.height(), key, r.kind().contentType(), r.bytes().length));
            files.put(key, r.bytes());
        }
        var record = new MediaRepository.NewMedia(originalKey, name, kind.contentType(), prepared.width(),
                prepared.height(), content.length, sha256, alt, uploaderId, now);
        return keep(record, variants, files);
    }

    /** Gives a media file new alt text: what the image shows, for readers who cannot see it. */
    public MediaFile describe(long mediaId, String altText) {
        String alt = clean(altText);
        InvalidInput.check()
                .when(alt.length() > MAX_ALT_TEXT, "alt", ALT_TEXT_TOO_LONG)
                .throwIfAny();
        return repository.inTransaction(h -> {
            if (!repository.describe(h, mediaId, alt)) throw new MediaNotFound(mediaId);
            return byId(h, mediaId).orElseThrow();
        });
    }

    /** Writes the files, then records them in one transaction; when that fails, the files go again. */
    private MediaFile keep(MediaRepository.NewMedia record, List<MediaVariant> variants, Map<String, byte[]> files) {
        List<String> written = new ArrayList<>();
        try {
            files.forEach((key, content) -> {
                store.put(key, content);
                written.add(key);
            });
            return repository.inTransaction(h -> {
                long id = repository.insert(h, record);
                variants.forEach(v -> repository.addVariant(h, id, v));
                return byId(h, id).orElseThrow();
            });
        } catch (RuntimeException e) {
            return discardAfter(e, record.sha256(), written);
        }
    }

    /**
     * Deletes what a failed upload wrote. When the same bytes were kept by another upload at the same moment,
     * that one's files stay, and it is the answer.
     */
    private MediaFile discardAfter(RuntimeException failure, String sha256, List<String> written) {
        Optional<MediaFile> other = Optional.empty();
        Set<String> theirs = Set.of();
        try {
            other = withBytes(sha256);
            theirs = repository.read(h -> repository.storageKeysOf(h, sha256));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        for (String key : written) {
            if (theirs.contains(key)) continue;
            try {
                store.delete(key);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        return other.orElseThrow(() -> failure);
    }

    // ---- finding

    public Optional<MediaFile> byId(long mediaId) {
        return repository.read(h -> byId(h, mediaId));
    }

    /** The media files with these ids, in the order given; ids that name none are left out. */
    public List<MediaFile> byIds(Collection<Long> mediaIds) {
        List<Long> wanted = List.copyOf(new LinkedHashSet<>(mediaIds));
        Map<Long, MediaFile> found = repository.read(h -> withVariants(h, repository.byIds(h, wanted))).stream()
                .collect(Collectors.toMap(MediaFile::id, Function.identity()));
        return wanted.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The media library: every media file, newest first, a page at a time. */
    public Paged<MediaFile> library(PageRequest page) {
        return repository.read(h -> Keyset.map(
                Keyset.page(page, (cursor, older, limit) -> repository.newest(h, cursor, older, limit), MediaService::cursorOf),
                rows -> withVariants(h, rows)));
    }

    /** The variant stored under a key; an original's key names none. */
    public Optional<MediaVariant> variant(String key) {
        return repository.read(h -> repository.variantByKey(h, key));
    }

    /** The bytes of a variant, as readers are served them. */
    public Optional<byte[]> contentOf(MediaVariant variant) {
        return store.get(variant.key());
    }

    private Optional<MediaFile> withBytes(String sha256) {
        return repository.read(h -> repository.idBySha256(h, sha256).flatMap(id -> byId(h, id)));
    }

    private Optional<MediaFile> byId(Handle h, long mediaId) {
        return repository.byId(h, mediaId).map(m -> withVariants(h, List.of(m)).get(0));
    }

    private List<MediaFile> withVariants(Handle h, List<MediaFile> rows) {
        Map<Long, List<MediaVariant>> variants = repository.variants(h, rows.stream().map(MediaFile::id).toList());
        return rows.stream().map(m -> new MediaFile(m.id(), m.originalName(), m.contentType(), m.width(), m.height(),
                m.byteSize(), m.altText(), m.uploadedBy(), m.createdAt(), variants.getOrDefault(m.id(), List.of())))
                .toList();
    }

    private static Cursor cursorOf(MediaFile media) {
        return new Cursor(media.createdAt(), media.id());
    }

    // ---- names, keys and sizes

    /** The file's own name, without any folder a browser sent along with it. */
    private static String nameOf(String originalName, ImageKind kind) {
        String name = clean(originalName);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.length() > MAX_NAME) name = name.substring(0, MAX_NAME);
        return name.isEmpty() ? "image." + kind.extension() : name;
    }

    /** The readable part of a variant's key: the name's slug in the letters keys allow. */
    private static String keySlugOf(String name) {
        int dot = name.lastIndexOf('.');
        String slug = NOT_IN_KEYS.matcher(Slugs.of(dot > 0 ? name.substring(0, dot) : name)).replaceAll("-");
        if (slug.length() > MAX_KEY_SLUG) slug = slug.substring(0, MAX_KEY_SLUG);
        slug = slug.replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "image" : slug;
    }

    private static String megabytes(long bytes, RoundingMode rounding) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(MEGABYTE), 1, rounding).stripTrailingZeros()
                .toPlainString() + " MB";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip();
    }

    /** Thrown when a media id names no media file. */
    public static final class MediaNotFound extends RuntimeException {
        public MediaNotFound(long id) {
            super("No media file " + id);
        }
    }
}
