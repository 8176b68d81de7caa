package dateline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Structured data for a page's script element, written by hand exactly as Jackson writes it. */
class JsonTest {
    @Test
    void nothing_in_a_text_can_close_the_script_element_it_sits_in() {
        assertThat(Json.forScript(Map.of("name", "</script><!-- & \"quoted\" \\ 東京 😀\n\t\u0000\u001f\u007f")))
                .isEqualTo("{\"name\":\"\\u003C/script\\u003E\\u003C!-- \\u0026 \\\"quoted\\\" \\\\ 東京 😀\\n\\t\\u0000\\u001F\u007f\"}");
    }

    @Test
    void random_documents_come_out_as_jackson_writes_them() {
        Random random = new Random(8);
        for (int i = 0; i < 2000; i++) {
            Object document = document(random, 3);
            assertThat(Json.forScript(document)).as("%s", document).isEqualTo(Json.forScriptByJackson(document));
        }
    }

    @Test
    void what_it_does_not_write_itself_jackson_writes() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@type", "ImageObject");
        document.put("ratio", 1.5);
        document.put("sizes", new int[] {1, 2});
        assertThat(Json.forScript(document)).isEqualTo(Json.forScriptByJackson(document))
                .isEqualTo("{\"@type\":\"ImageObject\",\"ratio\":1.5,\"sizes\":[1,2]}");
    }

    private static Object document(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> text(random);
            case 1 -> random.nextBoolean() ? (Object) random.nextInt() : (Object) random.nextLong();
            case 2 -> random.nextBoolean();
            case 3 -> random.nextInt(8) == 0 ? null : text(random);
            case 4 -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(4); n > 0; n--) list.add(document(random, depth - 1));
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(5); n > 0; n--) map.put(text(random), document(random, depth - 1));
                yield map;
            }
        };
    }

    /** Text with every kind of character that is escaped, and others: ASCII, controls, non-ASCII, lone surrogates. */
    private static String text(Random random) {
        char[] chars = new char[random.nextInt(24)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (random.nextInt(5)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> "\"\\<>&/'\b\t\n\f\r\u2028".charAt(random.nextInt(13));
                case 2 -> (char) random.nextInt(0x20);
                case 3 -> (char) random.nextInt(0x10000);
                default -> (char) ('a' + random.nextInt(26));
            };
        }
        return new String(chars);
    }
}
