package dateline.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of image a newsroom may upload. A file's kind is read from its first bytes, never from its
 * name or from what the browser says it is.
 */
public enum ImageKind {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    GIF("image/gif", "gif", "gif"),
    WEBP("image/webp", "webp", "webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final String contentType;
    private final String extension;
    private final String formatName;

    ImageKind(String contentType, String extension, String formatName) {
        this.contentType = contentType;
        this.extension = extension;
        this.formatName = formatName;
    }

    public String contentType() {
        return contentType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name ImageIO knows the format by. */
    String formatName() {
        return formatName;
    }

    /** The kind of image these bytes begin as, if they begin as one we accept. */
    public static Optional<ImageKind> detect(byte[] bytes) {
        if (startsWith(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) return Optional.of(JPEG);
        if (startsWith(bytes, 0, PNG_SIGNATURE)) return Optional.of(PNG);
        if (startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"))) return Optional.of(GIF);
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) return Optional.of(WEBP);
        return Optional.empty();
    }

    /** True when the bytes read as an SVG document, so that its refusal can say why. */
    static boolean looksLikeSvg(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8);
        return start.toLowerCase(Locale.ROOT).contains("<svg");
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] expected) {
        return bytes.length >= offset + expected.length
                && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
