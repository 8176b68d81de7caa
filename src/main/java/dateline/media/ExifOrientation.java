package dateline.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a camera held the picture, as its JPEG's Exif segment records it: 1 is upright, 2 to 8 are the
 * mirrorings and quarter turns TIFF defines. Variants carry no Exif, so they must be turned upright
 * before it is dropped, or a portrait photo would show on its side.
 */
final class ExifOrientation {
    static final int UPRIGHT = 1;
    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final int START_OF_SCAN = 0xDA;
    private static final int APP1 = 0xE1;
    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {}

    /** The orientation recorded in a JPEG; upright when it records none or the record cannot be read. */
    static int of(byte[] jpeg) {
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == START_OF_SCAN) break;
            int end = Math.min(jpeg.length, at + 2 + unsigned16(jpeg, at + 2, true));
            if (marker == APP1 && at + 4 + EXIF.length <= end
                    && Arrays.equals(jpeg, at + 4, at + 4 + EXIF.length, EXIF, 0, EXIF.length)) {
                return fromTiff(jpeg, at + 4 + EXIF.length, end);
            }
            at = end;
        }
        return UPRIGHT;
    }

    /** Reads the orientation tag of the first directory of the TIFF structure inside the Exif segment. */
    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) return UPRIGHT;
        boolean bigEndian = b[tiff] == 'M';
        long directory = tiff + unsigned32(b, tiff + 4, bigEndian);
        if (directory + 2 > end) return UPRIGHT;
        int first = (int) directory + 2;
        int entries = unsigned16(b, (int) directory, bigEndian);
        for (int entry = first; entry < first + entries * 12 && entry + 12 <= end; entry += 12) {
            if (unsigned16(b, entry, bigEndian) == ORIENTATION_TAG) {
                int value = unsigned16(b, entry + 8, bigEndian);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    private static int unsigned16(byte[] b, int at, boolean bigEndian) {
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        return bigEndian ? first << 8 | second : second << 8 | first;
    }

    private static long unsigned32(byte[] b, int at, boolean bigEndian) {
        long high = unsigned16(b, bigEndian ? at : at + 2, bigEndian);
        long low = unsigned16(b, bigEndian ? at + 2 : at, bigEndian);
        return high << 16 | low;
    }
}
