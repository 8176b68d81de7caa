package dateline.media;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A media store in the site's database ({@code media_blobs}), for a site served by several nodes: a file one
 * node stored is there for every other at once, with nothing to share but the database. Each put is one
 * transaction, so a reader never sees half an image. It costs database space and a query per image served
 * (readers' browsers and any CDN keep variants for a year, so few reach a node); one machine is better served
 * by {@link LocalMediaStore}.
 */
public final class DatabaseMediaStore implements MediaStore {
    private final MediaBlobRepository repository;

    public DatabaseMediaStore(Jdbi jdbi) {
        this.repository = new MediaBlobRepository(jdbi);
    }

    @Override
    public void put(String key, byte[] bytes) {
        String checked = StorageKeys.checked(key);
        repository.inTransaction(h -> {
            repository.put(h, checked, bytes);
            return null;
        });
    }

    @Override
    public Optional<byte[]> get(String key) {
        String checked = StorageKeys.checked(key);
        return repository.read(h -> repository.get(h, checked));
    }

    @Override
    public void delete(String key) {
        String checked = StorageKeys.checked(key);
        repository.inTransaction(h -> repository.delete(h, checked));
    }
}
