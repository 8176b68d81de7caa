package dateline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/** JSON for responses and for structured data inside HTML pages. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final ObjectMapper SCRIPT_SAFE = new ObjectMapper();

    static {
        SCRIPT_SAFE.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
    }

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write JSON", e);
        }
    }

    /**
     * JSON that can sit inside a {@code <script>} element: {@code <}, {@code >} and {@code &} are written
     * as Unicode escapes, so no text in it can close the element or open a comment.
     */
    public static String forScript(Object value) {
        StringBuilder out = new StringBuilder(512);
        return ScriptJson.write(value, out) ? out.toString() : forScriptByJackson(value);
    }

    /** {@link #forScript} as Jackson writes it, for what {@link ScriptJson} does not write itself. */
    static String forScriptByJackson(Object value) {
        try {
            return SCRIPT_SAFE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write JSON", e);
        }
    }

    /**
     * The structured data of pages (maps, lists, texts and whole numbers) written by hand, with the very bytes
     * {@link #SCRIPT_SAFE} writes: Jackson set up a generator, looked up a serializer for each map and wrote
     * every text through its slow path for custom escapes, a twentieth of an article's render. Anything else
     * is left to Jackson.
     */
    static final class ScriptJson {
        private static final char[] HEX = "0123456789ABCDEF".toCharArray();

        private ScriptJson() {}

        /** Appends {@code value} as JSON; false, with {@code out} in any state, when it holds a type not handled here. */
        static boolean write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String text) {
                string(text, out);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) return false;
                    if (!first) out.append(',');
                    first = false;
                    string(key, out);
                    out.append(':');
                    if (!write(entry.getValue(), out)) return false;
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) out.append(',');
                    if (!write(list.get(i), out)) return false;
                }
                out.append(']');
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                out.append(((Number) value).longValue());
            } else if (value instanceof Boolean b) {
                out.append(b.booleanValue());
            } else {
                return false;
            }
            return true;
        }

        /** A JSON string as Jackson writes it with {@link ScriptSafeEscapes}: other characters as they are. */
        private static void string(String text, StringBuilder out) {
            out.append('"');
            int from = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80 || (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&')) continue;
                out.append(text, from, i);
                from = i + 1;
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\b' -> out.append("\\b");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                }
            }
            out.append(text, from, text.length()).append('"');
        }
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
