package dateline.media;

import java.util.Optional;

/**
 * Where the bytes of uploaded images are kept, each under a storage key such as
 * {@code 2024/06/3f2a9c1b0d4e5f67-harbour-at-dawn-w960.jpg}. What the bytes are is recorded in the database;
 * a store only keeps them. Keys use lower-case letters, digits, {@code /}, {@code .}, {@code _} and {@code -}.
 */
public interface MediaStore {
    /** Keeps the bytes under the key, replacing whatever was there. */
    void put(String key, byte[] bytes);

    Optional<byte[]> get(String key);

    /** Forgets the key; nothing happens when it holds nothing. */
    void delete(String key);
}
