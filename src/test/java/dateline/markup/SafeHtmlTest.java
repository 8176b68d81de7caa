package dateline.markup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeHtmlTest {
    @Test
    void plain_text_of_html_decodes_entities_and_keeps_words_apart() {
        assertThat(SafeHtml.toPlainText("<p>Fish &amp; chips</p><p>cost &pound;5 &lt;today&gt;</p>"))
                .isEqualTo("Fish & chips cost £5 <today>");
    }

    @Test
    void plain_text_of_nothing_is_empty() {
        assertThat(SafeHtml.toPlainText(null)).isEmpty();
        assertThat(SafeHtml.toPlainText("")).isEmpty();
    }

    @Test
    void figures_with_images_and_captions_and_a_gallery_survive() {
        String figure = "<figure><a href=\"https://x.example/a.jpg\"><img src=\"https://x.example/a.jpg\" alt=\"Boats\""
                + " width=\"640\" height=\"427\" /></a><figcaption>Boats 🚤</figcaption></figure>";
        assertThat(SafeHtml.sanitize(figure)).isEqualTo("<figure><a href=\"https://x.example/a.jpg\" rel=\"noopener\">"
                + "<img src=\"https://x.example/a.jpg\" alt=\"Boats\" width=\"640\" height=\"427\" /></a>"
                + "<figcaption>Boats &#x1f6a4;</figcaption></figure>");
        assertThat(SafeHtml.sanitize("<figure class=\"gallery\"><img src=\"https://x.example/b.png\" alt=\"\"></figure>"))
                .isEqualTo("<figure class=\"gallery\"><img src=\"https://x.example/b.png\" alt=\"\" /></figure>");
    }

    @Test
    void no_other_class_survives_on_a_figure() {
        assertThat(SafeHtml.sanitize("<figure class=\"wp-block-image gallery\"><img src=\"https://x.example/b.png\"></figure>"))
                .isEqualTo("<figure><img src=\"https://x.example/b.png\" /></figure>");
    }
}
