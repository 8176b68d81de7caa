package dateline.media;

import dateline.storage.Repository;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The bytes of media files kept in the database, by storage key. */
final class MediaBlobRepository extends Repository {
    MediaBlobRepository(Jdbi jdbi) {
        super(jdbi);
    }

    void put(Handle h, String key, byte[] bytes) {
        h.createUpdate("INSERT INTO media_blobs (storage_key, bytes) VALUES (:key, :bytes) "
                        + "ON CONFLICT (storage_key) DO UPDATE SET bytes = excluded.bytes")
                .bind("key", key)
                .bind("bytes", bytes)
                .execute();
    }

    Optional<byte[]> get(Handle h, String key) {
        return h.createQuery("SELECT bytes FROM media_blobs WHERE storage_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> rs.getBytes("bytes"))
                .findOne();
    }

    int delete(Handle h, String key) {
        return h.createUpdate("DELETE FROM media_blobs WHERE storage_key = :key").bind("key", key).execute();
    }
}
