package dateline.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses of the old site's uploaded images and where each now lives in the media library. WordPress
 * links an image at its own address and at those of its sizes ({@code photo-300x200.jpg},
 * {@code photo-scaled.jpg}); every one of them leads to the one media file.
 */
final class UploadUrls {
    private static final Pattern IMAGE_URL = Pattern.compile(
            "(?:https?:)?//[^\\s\"'<>()\\[\\]]+?\\.(?:jpe?g|png|gif|webp)(?![\\w.])", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("(?:-\\d+x\\d+|-scaled|-rotated)(\\.[a-z]+)$");

    private final Map<String, String> moved = new HashMap<>();

    /** Records that the image uploaded at {@code oldUrl} now lives at {@code newUrl}. */
    void add(String oldUrl, String newUrl) {
        if (oldUrl != null && !oldUrl.isBlank()) moved.put(key(oldUrl.strip()), newUrl);
    }

    boolean isEmpty() {
        return moved.isEmpty();
    }

    /** The text with every address of a moved image (any of its sizes) replaced by its new address. */
    String rewrite(String text) {
        if (moved.isEmpty() || text == null || text.isEmpty()) return text;
        Matcher m = IMAGE_URL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String target = moved.get(key(m.group()));
            m.appendReplacement(out, Matcher.quoteReplacement(target != null ? target : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The address without its scheme and without a size's suffix, in lower case. */
    static String key(String url) {
        String key = url.toLowerCase(Locale.ROOT).replaceFirst("^(?:https?:)?//", "");
        return SIZE.matcher(key).replaceFirst("$1");
    }
}
