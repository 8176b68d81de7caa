package dateline.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImageKindTest {
    @Nested
    class Recognises {
        @Test
        void each_accepted_kind_by_its_first_bytes() {
            assertThat(ImageKind.detect(Images.jpeg(40, 30))).contains(ImageKind.JPEG);
            assertThat(ImageKind.detect(Images.opaquePng(40, 30))).contains(ImageKind.PNG);
            assertThat(ImageKind.detect(Images.gif(40, 30))).contains(ImageKind.GIF);
            assertThat(ImageKind.detect(Images.webp600x400())).contains(ImageKind.WEBP);
        }

        @Test
        void both_versions_of_gif() {
            assertThat(ImageKind.detect(ascii("GIF87a\1\0\1\0"))).contains(ImageKind.GIF);
            assertThat(ImageKind.detect(ascii("GIF89a\1\0\1\0"))).contains(ImageKind.GIF);
        }

        @Test
        void each_kind_with_its_content_type_and_extension() {
            assertThat(ImageKind.JPEG.contentType()).isEqualTo("image/jpeg");
            assertThat(ImageKind.JPEG.extension()).isEqualTo("jpg");
            assertThat(ImageKind.WEBP.contentType()).isEqualTo("image/webp");
            assertThat(ImageKind.WEBP.extension()).isEqualTo("webp");
        }
    }

    @Nested
    class Refuses {
        @Test
        void svg_html_text_and_empty_files() {
            assertThat(ImageKind.detect(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEmpty();
            assertThat(ImageKind.detect(ascii("<!doctype html><script>alert(1)</script>"))).isEmpty();
            assertThat(ImageKind.detect(ascii("just some words"))).isEmpty();
            assertThat(ImageKind.detect(new byte[0])).isEmpty();
        }

        @Test
        void a_riff_file_that_is_not_webp() {
            assertThat(ImageKind.detect(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
        }

        @Test
        void a_file_cut_inside_its_signature() {
            assertThat(ImageKind.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
            assertThat(ImageKind.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        }
    }

    @Test
    void an_svg_is_told_apart_from_other_refused_files_even_behind_an_xml_declaration() {
        assertThat(ImageKind.looksLikeSvg(ascii("<?xml version=\"1.0\"?>\n<!-- logo -->\n<SVG width=\"10\">"))).isTrue();
        assertThat(ImageKind.looksLikeSvg(ascii("<!doctype html><p>photo</p>"))).isFalse();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
