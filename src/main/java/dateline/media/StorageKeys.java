package dateline.media;

import java.util.Arrays;
import java.util.regex.Pattern;

/** The rule every media store holds keys to: plain lower-case names in folders, nothing that could climb out. */
final class StorageKeys {
    private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9._-]+(/[a-z0-9._-]+)*");

    private StorageKeys() {}

    /** The key, when it is safe; a key with a segment of dots could climb out of a folder, so it is refused. */
    static String checked(String key) {
        if (key == null || !SAFE_KEY.matcher(key).matches() || key.contains("..")
                || Arrays.asList(key.split("/")).contains(".")) {
            throw new IllegalArgumentException("Not a safe storage key: " + key);
        }
        return key;
    }
}
