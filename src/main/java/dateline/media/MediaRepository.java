package dateline.media;

import dateline.storage.KeysetOrder;
import dateline.storage.Repository;
import dateline.web.Cursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

final class MediaRepository extends Repository {
    private static final KeysetOrder NEWEST = new KeysetOrder("m.created_at", "m.id");
    private static final String COLUMNS = "m.id, m.original_name, m.content_type, m.width, m.height, m.byte_size, "
            + "m.alt_text, m.uploaded_by, m.created_at";
    private static final String VARIANT_COLUMNS = "v.media_id, v.width, v.height, v.storage_key, v.content_type, "
            + "v.byte_size";

    /** A media file without its variants, which are read separately for a whole list at once. */
    private static final RowMapper<MediaFile> MEDIA = (rs, ctx) -> new MediaFile(
            rs.getLong("id"),
            rs.getString("original_name"),
            rs.getString("content_type"),
            rs.getInt("width"),
            rs.getInt("height"),
            rs.getLong("byte_size"),
            rs.getString("alt_text"),
            rs.getObject("uploaded_by") == null ? null : rs.getLong("uploaded_by"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            List.of());

    private static final RowMapper<MediaVariant> VARIANT = (rs, ctx) -> new MediaVariant(
            rs.getInt("width"), rs.getInt("height"), rs.getString("storage_key"), rs.getString("content_type"),
            rs.getLong("byte_size"));

    /** What is recorded of a new upload besides its variants. */
    record NewMedia(String storageKey, String originalName, String contentType, int width, int height,
                    long byteSize, String sha256, String altText, Long uploadedBy, Instant createdAt) {}

    MediaRepository(Jdbi jdbi) {
        super(jdbi);
    }

    // ---- media files

    long insert(Handle h, NewMedia m) {
        return h.createUpdate("INSERT INTO media (storage_key, original_name, content_type, width, height, byte_size, "
                        + "sha256, alt_text, uploaded_by, created_at) VALUES (:key, :name, :type, :width, :height, "
                        + ":size, :sha256, :alt, :uploader, :created)")
                .bind("key", m.storageKey())
                .bind("name", m.originalName())
                .bind("type", m.contentType())
                .bind("width", m.width())
                .bind("height", m.height())
                .bind("size", m.byteSize())
                .bind("sha256", m.sha256())
                .bind("alt", m.altText())
                .bind("uploader", m.uploadedBy())
                .bind("created", m.createdAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    Optional<MediaFile> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM media m WHERE m.id = :id").bind("id", id).map(MEDIA).findOne();
    }

    List<MediaFile> byIds(Handle h, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return h.createQuery("SELECT " + COLUMNS + " FROM media m WHERE m.id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map(MEDIA).list();
    }

    Optional<Long> idBySha256(Handle h, String sha256) {
        return h.createQuery("SELECT id FROM media WHERE sha256 = :sha256")
                .bind("sha256", sha256).mapTo(Long.class).findOne();
    }

    /** The storage keys of the original and the variants of the media file with these bytes, if there is one. */
    Set<String> storageKeysOf(Handle h, String sha256) {
        return new HashSet<>(h.createQuery("SELECT storage_key FROM media WHERE sha256 = :sha256 UNION ALL "
                        + "SELECT v.storage_key FROM media_variants v JOIN media m ON m.id = v.media_id "
                        + "WHERE m.sha256 = :sha256")
                .bind("sha256", sha256).mapTo(String.class).list());
    }

    /** Changes the alt text; false when there is no such media file. */
    boolean describe(Handle h, long id, String altText) {
        return h.createUpdate("UPDATE media SET alt_text = :alt WHERE id = :id")
                .bind("id", id).bind("alt", altText).execute() > 0;
    }

    // ---- variants

    void addVariant(Handle h, long mediaId, MediaVariant v) {
        h.createUpdate("INSERT INTO media_variants (media_id, width, height, storage_key, content_type, byte_size) "
                        + "VALUES (:media, :width, :height, :key, :type, :size)")
                .bind("media", mediaId).bind("width", v.width()).bind("height", v.height()).bind("key", v.key())
                .bind("type", v.contentType()).bind("size", v.byteSize()).execute();
    }

    /** The variants of each media file, narrowest first. */
    Map<Long, List<MediaVariant>> variants(Handle h, Collection<Long> mediaIds) {
        Map<Long, List<MediaVariant>> result = new LinkedHashMap<>();
        if (mediaIds.isEmpty()) return result;
        h.createQuery("SELECT " + VARIANT_COLUMNS + " FROM media_variants v WHERE v.media_id IN (<ids>) "
                        + "ORDER BY v.media_id, v.width")
                .bindList("ids", List.copyOf(mediaIds))
                .map((rs, ctx) -> Map.entry(rs.getLong("media_id"), VARIANT.map(rs, ctx)))
                .forEach(e -> result.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return result;
    }

    Optional<MediaVariant> variantByKey(Handle h, String key) {
        return h.createQuery("SELECT " + VARIANT_COLUMNS + " FROM media_variants v WHERE v.storage_key = :key")
                .bind("key", key).map(VARIANT).findOne();
    }

    // ---- the library, newest first, paged by keyset

    /**
     * One page of media files, newest first, starting just past the cursor in the given direction. Asks for
     * one more than the limit, so the caller knows whether more remain. The cursor is a range of
     * {@code media_by_time}.
     */
    List<MediaFile> newest(Handle h, Cursor cursor, boolean older, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM media m");
        if (cursor != null) sql.append(" WHERE ").append(NEWEST.past(older));
        sql.append(NEWEST.orderBy(older)).append(" LIMIT :limit");
        Query query = h.createQuery(sql.toString()).bind("limit", limit);
        if (cursor != null) query.bind("at", cursor.at()).bind("id", cursor.id());
        List<MediaFile> rows = new ArrayList<>(query.map(MEDIA).list());
        if (!older) Collections.reverse(rows);
        return rows;
    }
}
