package dateline.web;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.Content;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages rendered as UTF-8 bytes: the bytes a {@code String} of the same text would give, and nothing lost. */
class TemplatesTest {

    @Nested
    class Writing_bytes {
        @Test
        void text_in_every_width_of_utf_8_is_encoded_as_java_encodes_it() {
            String text = "plain ascii, café – “quoted” ≠ 東京, 😀 and 𝄞, a lone \ud800 and \udc00 surrogate, \u0000 and \u007f\u0080\u07ff\u0800\uffff";
            assertThat(written(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }

        @Test
        void a_part_of_a_text_is_encoded_alone_even_when_it_splits_a_surrogate_pair() {
            String text = "ab😀cd";
            for (int from = 0; from <= text.length(); from++) {
                for (int to = from; to <= text.length(); to++) {
                    PageBytes out = new PageBytes(1);
                    out.writeContent(text, from, to);
                    assertThat(out.toByteArray()).as("%d..%d", from, to)
                            .isEqualTo(text.substring(from, to).getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        @Test
        void every_part_of_a_text_is_the_same_whether_its_ascii_beginning_is_copied_whole_or_not() {
            // the JVM keeps the first two texts one byte a character, the last two two bytes
            for (String text : new String[] {"plain ascii <b>", "naïve café\u0080\u00ff", "price 5€ now", "𝄞 then ascii"}) {
                for (int from = 0; from <= text.length(); from++) {
                    for (int to = from; to <= text.length(); to++) {
                        PageBytes out = new PageBytes(1);
                        out.writeContent(text, from, to);
                        assertThat(out.toByteArray()).as("%s %d..%d", text, from, to)
                                .isEqualTo(text.substring(from, to).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }

        @Test
        void random_text_written_in_pieces_and_bytes_between_them_comes_out_in_order() {
            Random random = new Random(8);
            PageBytes out = new PageBytes(4);
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                char[] chars = new char[random.nextInt(40)];
                for (int c = 0; c < chars.length; c++) {
                    chars[c] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (' ' + random.nextInt(90));
                }
                String piece = new String(chars);
                if (i % 3 == 0) {
                    out.writeBinaryContent(piece.getBytes(StandardCharsets.UTF_8));
                } else {
                    out.writeContent(piece);
                }
                expected.append(new String(piece.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            }
            assertThat(out.toByteArray()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
        }

        private byte[] written(String text) {
            PageBytes out = new PageBytes(2);
            out.writeContent(text);
            return out.toByteArray();
        }
    }

    @Nested
    class Rendering {
        private final ServerErrorPage page = new ServerErrorPage("/assets/site.css?v=“1”", "/assets/icon.svg?a=1&b=<2>");

        @Test
        void a_page_rendered_as_bytes_is_its_text_in_utf_8_with_what_it_fills_in_escaped() {
            Templates templates = Templates.precompiled();
            byte[] bytes = templates.bytes("errors/server_error.jte", page);
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(templates.render("errors/server_error.jte", page))
                    .contains("<title>Something went wrong</title>")
                    .contains("href=\"/assets/icon.svg?a=1&amp;b=&lt;2>\"")
                    .contains("href=\"/assets/site.css?v=“1”\"");
        }

        @Test
        void templates_compiled_from_their_sources_render_the_same_bytes_as_the_ones_built_with_the_application(
                @TempDir Path classes) {
            Templates fromSources = Templates.fromSources(Path.of("src", "main", "jte"), classes);
            assertThat(fromSources.bytes("errors/server_error.jte", page))
                    .isEqualTo(Templates.precompiled().bytes("errors/server_error.jte", page));
        }

        @Test
        void a_template_placed_in_another_page_is_written_into_it_where_it_stands() {
            Templates templates = Templates.precompiled();
            Content inner = templates.content("errors/server_error.jte", page);
            PageBytes out = new PageBytes(16);
            out.writeContent("<div>");
            inner.writeTo(out);
            out.writeContent("</div>");
            assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                    .isEqualTo("<div>" + templates.render("errors/server_error.jte", page) + "</div>");
        }

        @Test
        void a_page_written_after_a_longer_one_in_the_same_output_carries_nothing_of_it() {
            Templates templates = Templates.precompiled();
            ServerErrorPage longer = new ServerErrorPage("/assets/site.css?v=" + "x".repeat(40_000), "/assets/icon.svg");
            byte[] alone = templates.bytes("errors/server_error.jte", page);
            templates.bytes("errors/server_error.jte", longer);
            assertThat(templates.bytes("errors/server_error.jte", page)).isEqualTo(alone);
        }
    }
}
