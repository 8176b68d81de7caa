package dateline.web;

import gg.jte.TemplateOutput;
import java.util.Arrays;

/**
 * Where a template writes a page: UTF-8 bytes in one growing array, the bytes the response sends. The
 * templates' fixed text arrives already encoded (they are compiled with binary static content) and is
 * copied as it is; only what a page fills in is encoded, character by character, as it is written.
 *
 * <p>It spares a page the two copies of its text a {@code StringBuilder} costs (in UTF-16 as soon as one
 * character is not Latin-1, then encoded again for the response) and the piece of memory per write that JTE's
 * {@code Utf8ByteOutput} takes: an article with 200 comments is over 200 kB written in thousands of small
 * writes. The bytes are those of {@code String.getBytes(UTF_8)}, an unpaired surrogate included ({@code ?}).
 */
final class PageBytes implements TemplateOutput {
    private byte[] bytes;
    private int length;

    PageBytes(int capacity) {
        bytes = new byte[capacity];
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    /**
     * Most of what a page fills in is ASCII from end to end, whose UTF-8 bytes are its characters: such a run
     * is found by a loop that only reads, then copied in one call, which for the JVM's one-byte strings is an
     * array copy; only from the first other character on is the text encoded one character at a time.
     */
    @Override
    @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) keeps each character's low byte, exact for ASCII
    public void writeContent(String value, int beginIndex, int endIndex) {
        // three bytes at most for each UTF-16 unit (a surrogate pair, two units, takes four)
        room((endIndex - beginIndex) * 3);
        byte[] b = bytes;
        int at = length;
        int ascii = beginIndex;
        while (ascii < endIndex && value.charAt(ascii) < 0x80) ascii++;
        if (ascii > beginIndex) {
            value.getBytes(beginIndex, ascii, b, at);
            at += ascii - beginIndex;
        }
        for (int i = ascii; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xc0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < endIndex ? value.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    b[at++] = (byte) (0xf0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[at++] = (byte) (0x80 | cp & 0x3f);
                    i++;
                } else {
                    b[at++] = '?';
                }
            } else {
                b[at++] = (byte) (0xe0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        length = at;
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    /** Forgets what was written, to write another page in the same array. */
    void clear() {
        length = 0;
    }

    int capacity() {
        return bytes.length;
    }

    /** The page written so far, as an array of its own. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void room(int more) {
        if (bytes.length - length >= more) return;
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
}
