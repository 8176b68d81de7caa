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
}
