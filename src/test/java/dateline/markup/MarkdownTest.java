package dateline.markup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class MarkdownTest {
    private final Markdown markdown = new Markdown();

    @Nested
    class Rendering {
        @Test
        void renders_paragraphs_emphasis_links_lists_and_quotes() {
            String html = markdown.toSafeHtml("""
                    The *council* voted **7 to 2**, see [the minutes](https://example.org/minutes).

                    - roads
                    - schools

                    > We will deliver.
                    """);
            assertThat(html).contains("<em>council</em>", "<strong>7 to 2</strong>",
                    "<a href=\"https://example.org/minutes\"", "<li>roads</li>", "<blockquote>");
        }

        @Test
        void body_headings_start_below_the_headline() {
            assertThat(markdown.toSafeHtml("# Background\n\ntext\n\n## Detail")).contains("<h2 id=\"background\">Background</h2>")
                    .contains("<h3 id=\"detail\">").doesNotContain("<h1");
            assertThat(markdown.toSafeHtml("## What we know\n\ntext")).contains("<h2 id=\"what-we-know\">");
        }

        @Test
        void tables_keep_their_alignment_without_inline_styles_or_obsolete_attributes() {
            String html = markdown.toSafeHtml("| Party | Seats |\n|:--|--:|\n| Green | 12 |\n");
            assertThat(html).contains("<table class=\"table\">", "class=\"align-right\"").doesNotContain("align=", "style=");
        }

        @Test
        void bare_addresses_become_links() {
            assertThat(markdown.toSafeHtml("Read more at https://example.org/report today."))
                    .contains("<a href=\"https://example.org/report\"");
        }

        @Test
        void plain_text_has_no_markup() {
            assertThat(markdown.toPlainText("## Title\n\nSome **bold** [link](https://example.org).")).doesNotContain("*", "#", "](");
        }
    }

    /** Payloads a writer (or an imported article) might carry; none may survive as executable markup. */
    static final List<String> XSS_PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](  javascript:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![x](javascript:alert(1))",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object>",
            "<embed src=\"x.swf\">",
            "<form action=\"https://evil.example\"><input name=a></form>",
            "<body onload=alert(1)>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<style>body{display:none}</style>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<base href=\"https://evil.example/\">",
            "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
            "<p onmouseover=\"alert(1)\">hover</p>",
            "<details open ontoggle=alert(1)>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
            "<img src=\"x\" srcset=\"javascript:alert(1)\">",
            "<scr<script>ipt>alert(1)</script>",
            "\"><script>alert(1)</script>",
            "<!--<script>alert(1)</script>-->",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<template><script>alert(1)</script></template>",
            "<h2 id=\"x\" onclick=\"alert(1)\">Title</h2>",
            "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>");

    @ParameterizedTest
    @FieldSource("XSS_PAYLOADS")
    void no_payload_survives_as_executable_markup(String payload) {
        String html = markdown.toSafeHtml(payload).toLowerCase();
        assertThat(html).doesNotContain("<script", "<iframe", "<object", "<embed", "<form", "<style", "<meta",
                "<base", "<svg", "<math", "<template", "javascript:", "data:text", "style=", "<noscript")
                .doesNotContainPattern("<[a-z0-9]+[^>]*\\son[a-z]+\\s*=");
    }

    @ParameterizedTest
    @FieldSource("XSS_PAYLOADS")
    void no_payload_survives_direct_html_sanitizing(String payload) {
        String html = SafeHtml.sanitize(payload).toLowerCase();
        assertThat(html).doesNotContain("<script", "<iframe", "<object", "<embed", "<form", "<style", "<meta",
                "<base", "<svg", "<math", "<template", "style=", "<noscript")
                .doesNotContainPattern("=\\s*\"?\\s*(javascript|data):")
                .doesNotContainPattern("<[a-z0-9]+[^>]*\\son[a-z]+\\s*=");
    }
}
