package dateline.markup;

import static dateline.markup.CommentText.toPlainText;
import static dateline.markup.CommentText.toSafeHtml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dateline.testing.HtmlChecker;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class CommentTextTest {
    private static final String REL = " rel=\"nofollow ugc noopener\"";

    @Nested
    class ParagraphsAndLineBreaks {
        @Test
        void a_blank_line_separates_paragraphs_and_a_single_break_stays_a_line_break() {
            assertThat(toSafeHtml("Dear editor,\nthanks.\n\nA second thought."))
                    .isEqualTo("<p>Dear editor,<br>thanks.</p><p>A second thought.</p>");
        }

        @Test
        void several_blank_lines_and_lines_of_spaces_make_one_paragraph_break() {
            assertThat(toSafeHtml("One.\n\n\n  \n\t\nTwo.")).isEqualTo("<p>One.</p><p>Two.</p>");
        }

        @Test
        void windows_and_old_mac_line_endings_read_like_any_other() {
            assertThat(toSafeHtml("One\r\ntwo\r\n\r\nThree\rfour")).isEqualTo("<p>One<br>two</p><p>Three<br>four</p>");
        }

        @Test
        void space_around_the_comment_and_its_paragraphs_is_dropped() {
            assertThat(toSafeHtml("  \n\n  Hello  \n \n  world \n\n ")).isEqualTo("<p>Hello</p><p>world</p>");
        }

        @Test
        void an_empty_comment_gives_nothing() {
            assertThat(toSafeHtml(null)).isEmpty();
            assertThat(toSafeHtml("")).isEmpty();
            assertThat(toSafeHtml(" \n\n\t \r\n")).isEmpty();
            assertThat(toSafeHtml("<b></b><blockquote>\n\n</blockquote>")).isEmpty();
        }

        @Test
        void line_breaks_use_the_html5_form() {
            assertThat(toSafeHtml("a\nb")).contains("<br>").doesNotContain("<br />", "<br/>");
        }
    }

    @Nested
    class AllowedTags {
        @ParameterizedTest
        @ValueSource(strings = {"b", "i", "em", "strong", "code"})
        void each_inline_tag_is_kept(String tag) {
            assertThat(toSafeHtml("a <" + tag + ">word</" + tag + "> b"))
                    .isEqualTo("<p>a <" + tag + ">word</" + tag + "> b</p>");
        }

        @Test
        void a_quotation_is_kept() {
            assertThat(toSafeHtml("<blockquote>Quoted.</blockquote>")).isEqualTo("<blockquote><p>Quoted.</p></blockquote>");
        }

        @Test
        void tags_are_read_in_upper_case_too() {
            assertThat(toSafeHtml("<B>x</B> <Strong>y</STRONG> <BLOCKQUOTE>z</blockquote>"))
                    .isEqualTo("<p><b>x</b> <strong>y</strong></p><blockquote><p>z</p></blockquote>");
        }

        @Test
        void space_before_the_closing_bracket_is_allowed() {
            assertThat(toSafeHtml("<b >x</b >")).isEqualTo("<p><b>x</b></p>");
        }

        @ParameterizedTest
        @ValueSource(strings = {"<b class=x>x</b>", "<i style=\"color:red\">x</i>", "<em title='t'>x</em>",
                "<code lang=en>x</code>", "<blockquote cite=\"https://example.org\">x</blockquote>", "<b/>x"})
        void a_tag_with_attributes_is_shown_as_typed(String typed) {
            String html = toSafeHtml(typed);
            assertThat(html).startsWith("<p>&lt;").doesNotContain("<b", "<i", "<em", "<code", "<blockquote");
            assertThat(toPlainText(typed)).isEqualTo(typed);
        }

        @ParameterizedTest
        @ValueSource(strings = {"<u>x</u>", "<p>x</p>", "x<br>y", "<span>x</span>", "<h1>x</h1>", "<img src=x>", "<a>x</a>"})
        void any_other_tag_is_shown_as_typed(String typed) {
            assertThat(toSafeHtml(typed)).startsWith("<p>").endsWith("</p>").contains("&lt;").doesNotContain("<u", "<span", "<h1", "<img", "<a");
            assertThat(Jsoup.parseBodyFragment(toSafeHtml(typed)).body().text()).isEqualTo(typed);
        }

        @Test
        void less_than_ampersand_and_quotes_are_shown_as_typed() {
            String html = toSafeHtml("3 < 4 && 5 > 4, \"quoted\" and 'single' &amp; &lt;b&gt;");
            assertThat(html).isEqualTo("<p>3 &lt; 4 &amp;&amp; 5 &gt; 4, &#34;quoted&#34; and &#39;single&#39; &amp;amp; &amp;lt;b&amp;gt;</p>");
            assertThat(Jsoup.parseBodyFragment(html).body().text()).isEqualTo("3 < 4 && 5 > 4, \"quoted\" and 'single' &amp; &lt;b&gt;");
        }

        @Test
        void inside_code_tags_are_shown_as_typed_until_the_code_ends() {
            assertThat(toSafeHtml("Use <code><b>bold</b> or <blockquote></code>, <b>please</b>."))
                    .isEqualTo("<p>Use <code>&lt;b&gt;bold&lt;/b&gt; or &lt;blockquote&gt;</code>, <b>please</b>.</p>");
        }

        @Test
        void line_breaks_inside_code_stay_line_breaks() {
            assertThat(toSafeHtml("<code>a = 1\nb = 2</code>")).isEqualTo("<p><code>a &#61; 1<br>b &#61; 2</code></p>");
        }

        @Test
        void formatting_nests() {
            assertThat(toSafeHtml("<b><i>both</i> bold</b> <em><code>x</code></em>"))
                    .isEqualTo("<p><b><i>both</i> bold</b> <em><code>x</code></em></p>");
        }
    }

    @Nested
    class TypedLinks {
        @Test
        void a_link_to_a_web_address_is_kept_and_marked_as_the_readers() {
            assertThat(toSafeHtml("See <a href=\"https://example.org/report\">the report</a>."))
                    .isEqualTo("<p>See <a href=\"https://example.org/report\"" + REL + ">the report</a>.</p>");
        }

        @Test
        void single_quotes_upper_case_and_mail_addresses_work() {
            assertThat(toSafeHtml("<A HREF='http://example.org/'>web</A> <a href=\"mailto:desk@example.org\">mail</a>"))
                    .isEqualTo("<p><a href=\"http://example.org/\"" + REL + ">web</a> <a href=\"mailto:desk&#64;example.org\""
                            + REL + ">mail</a></p>");
        }

        @Test
        void character_references_in_the_address_are_read_as_a_browser_reads_them() {
            String html = toSafeHtml("<a href=\"https://example.org/?a=1&amp;b=2\">x</a>");
            assertThat(Jsoup.parseBodyFragment(html).selectFirst("a").attr("href")).isEqualTo("https://example.org/?a=1&b=2");
        }

        @ParameterizedTest
        @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                "jav&#x0A;ascript:alert(1)", "jav&#x09;ascript:alert(1)", "javascript&colon;alert(1)",
                "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)", "/relative/path",
                "relative.html", "//evil.example/x", "#top", "", "ftp://example.org/file", "https://", "https:///x",
                "mailto:", "https://exa mple.org", "https://example.org/\u202Egpj.exe", "file:///etc/passwd"})
        void a_link_to_anything_else_is_shown_as_typed(String address) {
            String typed = "<a href=\"" + address + "\">click</a>";
            // an address in the text may still be linked on its own ("https://exa"), but never the typed link
            assertThat(Jsoup.parseBodyFragment(toSafeHtml(typed)).select("a")).noneMatch(a -> a.text().equals("click"));
            assertThat(toPlainText(typed)).isEqualTo(typed.replaceAll("\\s+", " "));
        }

        @ParameterizedTest
        @ValueSource(strings = {"<a href=https://example.org>x</a>", "<a href=\"https://example.org\" title=\"t\">x</a>",
                "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>", "<a title=\"t\" href=\"https://example.org\">x</a>",
                "<a href=\"https://example.org\" href=\"https://other.example\">x</a>", "<a href=\"https://example.org\"/>x"})
        void a_link_with_another_attribute_or_without_quotes_is_shown_as_typed(String typed) {
            String html = toSafeHtml(typed);
            assertThat(html).startsWith("<p>&lt;a ");
            assertThat(Jsoup.parseBodyFragment(html).body().text()).isEqualTo(typed);
            assertThat(Jsoup.parseBodyFragment(html).select("a")).allSatisfy(a -> assertThat(a.text()).startsWith("https://"));
        }

        @Test
        void a_link_opened_inside_a_link_ends_the_first() {
            assertThat(toSafeHtml("<a href=\"https://one.example\">one <a href=\"https://two.example\">two</a> after</a>"))
                    .isEqualTo("<p><a href=\"https://one.example\"" + REL + ">one </a><a href=\"https://two.example\"" + REL
                            + ">two</a> after&lt;/a&gt;</p>");
        }

        @Test
        void unusual_characters_in_an_address_are_percent_encoded() {
            String html = toSafeHtml("<a href='https://example.org/a|b{c}^\"d\"'>x</a>");
            assertThat(Jsoup.parseBodyFragment(html).selectFirst("a").attr("href"))
                    .isEqualTo("https://example.org/a%7Cb%7Bc%7D%5E%22d%22");
        }
    }

    @Nested
    class AutomaticLinks {
        @Test
        void web_addresses_in_the_text_become_links() {
            assertThat(toSafeHtml("Read https://example.org/report and http://example.org/x today"))
                    .isEqualTo("<p>Read <a href=\"https://example.org/report\"" + REL + ">https://example.org/report</a> and "
                            + "<a href=\"http://example.org/x\"" + REL + ">http://example.org/x</a> today</p>");
        }

        @Test
        void www_addresses_link_to_https() {
            assertThat(toSafeHtml("see www.example.org/news"))
                    .isEqualTo("<p>see <a href=\"https://www.example.org/news\"" + REL + ">www.example.org/news</a></p>");
        }

        @Test
        void a_final_full_stop_or_bracket_stays_outside_the_link() {
            assertThat(toSafeHtml("(see https://example.org/a).")).isEqualTo(
                    "<p>(see <a href=\"https://example.org/a\"" + REL + ">https://example.org/a</a>).</p>");
            assertThat(toSafeHtml("Go to www.example.org.")).endsWith(">www.example.org</a>.</p>");
        }

        @Test
        void email_addresses_are_not_linked() {
            assertThat(toSafeHtml("write to desk@example.org or mailto:desk@example.org"))
                    .isEqualTo("<p>write to desk&#64;example.org or mailto:desk&#64;example.org</p>");
        }

        @Test
        void addresses_inside_code_are_not_linked() {
            assertThat(toSafeHtml("<code>curl https://example.org/api</code>"))
                    .isEqualTo("<p><code>curl https://example.org/api</code></p>");
        }

        @Test
        void addresses_inside_a_typed_link_are_not_linked_again() {
            assertThat(toSafeHtml("<a href=\"https://example.org/\">www.example.org <b>https://example.org/</b></a>"))
                    .isEqualTo("<p><a href=\"https://example.org/\"" + REL + ">www.example.org <b>https://example.org/</b></a></p>");
        }

        @Test
        void addresses_with_other_schemes_stay_text() {
            assertThat(toSafeHtml("javascript://%0aalert(1) ftp://example.org/f file:///etc/passwd"))
                    .doesNotContain("<a");
        }

        @Test
        void an_address_followed_by_markup_ends_where_the_markup_starts() {
            String html = toSafeHtml("http://example.org/\"><script>alert(1)</script>");
            assertThat(html).isEqualTo("<p><a href=\"http://example.org/\"" + REL + ">http://example.org/</a>"
                    + "&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        }

        @Test
        void unusual_characters_in_an_address_are_percent_encoded_in_the_link_only() {
            String html = toSafeHtml("https://example.org/a|b[1]^x");
            Element link = Jsoup.parseBodyFragment(html).selectFirst("a");
            assertThat(link.attr("href")).isEqualTo("https://example.org/a%7Cb%5B1%5D%5Ex");
            assertThat(link.text()).isEqualTo("https://example.org/a|b[1]^x");
        }

        @Test
        void an_address_with_invisible_characters_is_not_linked() {
            assertThat(toSafeHtml("https://exa\u200Bmple.org/ https://example.org/\u202Etxt.exe")).doesNotContain("<a");
        }
    }

    @Nested
    class Repairs {
        @Test
        void a_tag_left_open_ends_with_the_comment() {
            assertThat(toSafeHtml("<b>bold to the end")).isEqualTo("<p><b>bold to the end</b></p>");
            assertThat(toSafeHtml("<a href=\"https://example.org\">link to the end"))
                    .isEqualTo("<p><a href=\"https://example.org\"" + REL + ">link to the end</a></p>");
        }

        @Test
        void a_tag_left_open_ends_with_its_paragraph() {
            assertThat(toSafeHtml("<i>one\n\ntwo")).isEqualTo("<p><i>one</i></p><p>two</p>");
        }

        @Test
        void formatting_does_not_carry_over_a_blank_line_so_its_late_closing_tag_is_shown() {
            assertThat(toSafeHtml("<b>one\n\ntwo</b>")).isEqualTo("<p><b>one</b></p><p>two&lt;/b&gt;</p>");
        }

        @Test
        void crossed_tags_are_repaired_as_browsers_do() {
            assertThat(toSafeHtml("<b><i>x</b>y</i>")).isEqualTo("<p><b><i>x</i></b><i>y</i></p>");
            assertThat(toSafeHtml("<b><a href=\"https://example.org\">x</b>y</a>")).isEqualTo("<p><b><a href=\"https://example.org\""
                    + REL + ">x</a></b><a href=\"https://example.org\"" + REL + ">y</a></p>");
        }

        @ParameterizedTest
        @ValueSource(strings = {"</em>", "</b>", "</a>", "</code>", "</blockquote>", "</STRONG>"})
        void a_closing_tag_that_closes_nothing_is_shown_as_typed(String closing) {
            String escaped = closing.replace("<", "&lt;").replace(">", "&gt;");
            assertThat(toSafeHtml("a " + closing + " b")).isEqualTo("<p>a " + escaped + " b</p>");
        }

        @Test
        void a_closing_tag_inside_another_element_closes_it_there() {
            assertThat(toSafeHtml("<b>x <i>y</b></i>")).isEqualTo("<p><b>x <i>y</i></b></p>");
        }

        @Test
        void empty_tags_leave_nothing() {
            assertThat(toSafeHtml("a<b></b><i> </i>b<a href=\"https://example.org\"></a>")).isEqualTo("<p>a<i> </i>b</p>");
        }

        @Test
        void a_blank_line_ends_code_as_well() {
            assertThat(toSafeHtml("<code>a\n\nb</code>")).isEqualTo("<p><code>a</code></p><p>b&lt;/code&gt;</p>");
        }

        @Test
        void very_deep_nesting_is_shown_as_text() {
            String html = toSafeHtml("<b>".repeat(10_000) + "deep" + "</b>".repeat(10_000));
            assertThat(Jsoup.parseBodyFragment(html).select("b")).hasSizeLessThanOrEqualTo(20);
            assertThat(html).contains("deep");
            assertWellFormed(html);
        }

        /** Long runs of what makes naive reading slow; each must take time in proportion to its length. */
        static Stream<String> slowToReadNaively() {
            return Stream.of(" ".repeat(200_000) + "x", ("a" + " ".repeat(1_000) + "b\n").repeat(200),
                    "<code>a\n\n".repeat(20_000), " <b></b>\n".repeat(20_000), "<a href=\"".repeat(20_000),
                    "<".repeat(200_000), "<b><i></b></i>".repeat(15_000), "www.".repeat(50_000), "http://".repeat(30_000),
                    "https://example.org/" + "(".repeat(200_000), "<b>x <i>y</b> https://example.org/ z</i>\n".repeat(5_000));
        }

        @ParameterizedTest(name = "{index}")
        @MethodSource("slowToReadNaively")
        void a_long_comment_is_read_in_time_in_proportion_to_its_length(String typed) {
            String html = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> toSafeHtml(typed));
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> toPlainText(typed));
            assertWellFormed(html);
        }
    }

    @Nested
    class Quotations {
        @Test
        void a_quotation_holds_paragraphs_of_its_own() {
            assertThat(toSafeHtml("<blockquote>first\nline\n\nsecond</blockquote>"))
                    .isEqualTo("<blockquote><p>first<br>line</p><p>second</p></blockquote>");
        }

        @Test
        void text_before_and_after_a_quotation_forms_its_own_paragraphs() {
            assertThat(toSafeHtml("You wrote: <blockquote>It rained.</blockquote> It did not."))
                    .isEqualTo("<p>You wrote:</p><blockquote><p>It rained.</p></blockquote><p>It did not.</p>");
        }

        @Test
        void line_breaks_around_a_quotation_do_not_become_empty_lines() {
            assertThat(toSafeHtml("You wrote:\n<blockquote>\nIt rained.\n</blockquote>\nIt did not."))
                    .isEqualTo("<p>You wrote:</p><blockquote><p>It rained.</p></blockquote><p>It did not.</p>");
        }

        @Test
        void a_quotation_ends_the_formatting_around_it() {
            assertThat(toSafeHtml("<b>bold <blockquote>quoted</blockquote> plain</b>"))
                    .isEqualTo("<p><b>bold</b></p><blockquote><p>quoted</p></blockquote><p>plain&lt;/b&gt;</p>");
        }

        @Test
        void the_end_of_a_quotation_ends_the_formatting_inside_it() {
            assertThat(toSafeHtml("<blockquote><i>quoted</blockquote>after"))
                    .isEqualTo("<blockquote><p><i>quoted</i></p></blockquote><p>after</p>");
        }

        @Test
        void quotations_nest() {
            assertThat(toSafeHtml("<blockquote>a<blockquote>b</blockquote>c</blockquote>"))
                    .isEqualTo("<blockquote><p>a</p><blockquote><p>b</p></blockquote><p>c</p></blockquote>");
        }

        @Test
        void a_quotation_left_open_ends_with_the_comment() {
            assertThat(toSafeHtml("<blockquote>quoted")).isEqualTo("<blockquote><p>quoted</p></blockquote>");
        }

        @ParameterizedTest
        @ValueSource(strings = {"<b>a<blockquote>b</b>c</blockquote>d", "<a href=\"https://example.org\">a<blockquote>b</a>",
                "x\n<blockquote><blockquote>\n\ny</blockquote>\n</b>z", "<code>a<blockquote>b</code>c"})
        void a_quotation_is_never_inside_a_paragraph(String typed) {
            org.w3c.dom.Document document = assertWellFormed(toSafeHtml(typed));
            NodeList quotes = document.getElementsByTagName("blockquote");
            for (int i = 0; i < quotes.getLength(); i++) {
                for (org.w3c.dom.Node up = quotes.item(i).getParentNode(); up != null; up = up.getParentNode()) {
                    assertThat(up.getNodeName()).isNotIn("p", "b", "i", "em", "strong", "code", "a");
                }
            }
        }
    }

    @Nested
    class PlainText {
        @Test
        void the_allowed_tags_are_removed_and_everything_else_is_kept() {
            assertThat(toPlainText("<b>Good</b> point, <a href=\"https://example.org\">see this</a> & <script>x</script>"))
                    .isEqualTo("Good point, see this & <script>x</script>");
        }

        @Test
        void whitespace_is_collapsed_onto_one_line() {
            assertThat(toPlainText("  One\nline.\n\n\nTwo   <blockquote>Three</blockquote>\tfour  ")).isEqualTo("One line. Two Three four");
        }

        @Test
        void links_keep_the_text_the_reader_typed() {
            assertThat(toPlainText("see www.example.org/a?b=1&c=2")).isEqualTo("see www.example.org/a?b=1&c=2");
        }

        @Test
        void an_empty_comment_has_no_text() {
            assertThat(toPlainText(null)).isEmpty();
            assertThat(toPlainText(" \n ")).isEmpty();
        }
    }

    /** What a commenter might type to attack readers; none may survive as executable markup. */
    static final List<String> COMMENT_PAYLOADS = List.of(
            "<b onmouseover=alert(1)>x</b>",
            "<a href=\"https://ok\" onclick=\"alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
            "<a href='javascript:alert(1)'>x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"https://ok\"\nonclick=alert(1)>x</a>",
            "<a href=\"https://ok\" style=\"position:fixed;inset:0\">x</a>",
            "<a href=\"https://ok\"><a href=\"javascript:alert(1)\">x</a></a>",
            "<<script>script>alert(1)<</script>/script>",
            "<b><script>alert(1)</script></b>",
            "<code><script>alert(1)</script></code>",
            "<blockquote><img src=x onerror=alert(1)></blockquote>",
            "http://example.org/\"><script>alert(1)</script>",
            "https://example.org/?q=<img src=x onerror=alert(1)>",
            "https://example.org/\" onmouseover=\"alert(1)",
            "www.example.org/'onmouseover='alert(1)",
            "javascript://%0aalert(1)",
            "javascript://example.org/%0Aalert(1)",
            "＜script＞alert(1)＜/script＞",
            "\uFF1Cimg src=x onerror=alert(1)\uFF1E",
            "<scr\u0000ipt>alert(1)</script>",
            "<\u0000script>alert(1)</script>",
            "<b\u0000 onclick=alert(1)>x</b>",
            "<svg/onload=alert(1)>",
            "<b>x</b\u000C onclick=alert(1)>",
            "<i>x</i >y</i onclick=alert(1)>",
            "<blockquote\nonclick=alert(1)>x</blockquote>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<!--><script>alert(1)</script>-->",
            "<?xml version=\"1.0\"?><script>alert(1)</script>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<a href=\"https://example.org/\u202E\">x</a>",
            "<a href=\"https://ok\">x</a\n><img src=x onerror=alert(1)>",
            "<code>x</code\u00A0><script>alert(1)</script>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>");

    static Stream<String> payloads() {
        return Stream.concat(MarkdownTest.XSS_PAYLOADS.stream(), COMMENT_PAYLOADS.stream());
    }

    /** Dangerous characters and pieces of tags; random comments made of them probe the reading of tags. */
    private static final List<String> PIECES = List.of("<", ">", "/", "&", "\"", "'", "=", " ", "\n", "\n\n", "\r\n", "\t",
            "<b>", "</b>", "<I>", "</i>", "<em>", "</em>", "<strong>", "</STRONG>", "<code>", "</code>", "<blockquote>",
            "</blockquote>", "<a href=\"https://example.org/\">", "<a href='mailto:a@example.org'>",
            "<a href=\"javascript:alert(1)\">", "<a href=\"", "</a>", "<script>", "</script>", "<img src=x onerror=alert(1)>",
            " onclick=alert(1)", "javascript:", "https://example.org/x?a=1&b=2", "www.example.org", "desk@example.org",
            "&amp;", "&#x3c;", "&lt;", "<!--", "-->", "<![CDATA[", "]]>", "\u0000", "\u000B", "\uFF1C", "\u202E",
            "\u00A0", "\uD83D\uDE00", "\uD800", "\uFFFE", "`", "(", ")", ".", ",", "word", "x", "é");

    static Stream<String> randomComments() {
        Random random = new Random(20_240_611L);
        List<String> comments = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            StringBuilder comment = new StringBuilder();
            for (int piece = random.nextInt(1, 40); piece > 0; piece--) comment.append(PIECES.get(random.nextInt(PIECES.size())));
            comments.add(comment.toString());
        }
        return comments.stream();
    }

    /**
     * Most comments are plain text, whose HTML is written straight rather than by way of a document and the
     * policy: it must be the very HTML the document and the policy make, for any text.
     */
    @Nested
    class WrittenStraight {
        /** Letters and the space weigh most, as in real comments; the rest are the characters that might go wrong. */
        private static final String ALPHABET = "aaaaaaaeeeeeiiioouuttnnsrhldcmwwbWT        \n\n\n\r\t.,;:!?-()/'\"<>&=+@`#$%*[]{}|~^_\\"
                + "0123456789\u00a0\u2028é’—😀\u0007\ufeff";
        private static final List<String> PIECES = List.of("www.", "WWW.", "http://", "https://x.example", "mailto:", "://",
                "<b>", "</b>", "<code>", "&amp;", "&lt;", " \n ", "\n\n", "\n  \n", "example.com", "a:b", "10:30", ": ");

        @Test
        void a_plain_comment_gets_the_same_html_as_by_way_of_the_document_for_many_texts() {
            Random random = new Random(20261130);
            int plain = 0;
            for (int n = 0; n < 20_000; n++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(120);
                // half the texts from the letters, the space, line breaks and the punctuation kept as typed alone
                boolean plainOnly = n % 2 == 0;
                String from = plainOnly ? "aaaaeeioutnsrhldwW   \n\n.,;:!?-()/#$%*[]|~^_\\0123" : ALPHABET;
                while (text.length() < length) {
                    if (!plainOnly && random.nextInt(20) == 0) text.append(PIECES.get(random.nextInt(PIECES.size())));
                    else text.appendCodePoint(from.codePointAt(from.offsetByCodePoints(0, random.nextInt(
                            from.codePointCount(0, from.length())))));
                }
                String typed = text.toString();
                if (CommentText.isPlain(typed)) plain++;
                assertThat(toSafeHtml(typed)).as("%s", typed).isEqualTo(CommentText.viaDocument(typed));
            }
            assertThat(plain).as("texts written straight").isGreaterThan(2_000);
        }

        @Test
        void the_comments_the_spam_classifier_learns_from_get_the_same_html_either_way() throws Exception {
            try (var in = CommentTextTest.class.getResourceAsStream("/spam/prior.csv")) {
                String corpus = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                List<String> lines = corpus.lines().toList();
                assertThat(lines).hasSizeGreaterThan(100);
                for (String line : lines) assertThat(toSafeHtml(line)).as(line).isEqualTo(CommentText.viaDocument(line));
                assertThat(toSafeHtml(corpus)).isEqualTo(CommentText.viaDocument(corpus));
            }
        }

        @Test
        void lines_and_paragraphs_of_plain_text_are_kept_and_the_space_around_them_dropped() {
            assertThat(toSafeHtml("  Reader 1 writes: the buses  \n  stop again. \n \n\n (Quieter now!) \n"))
                    .isEqualTo("<p>Reader 1 writes: the buses<br>stop again.</p><p>(Quieter now!)</p>");
        }
    }

    @Nested
    class Safety {
        @ParameterizedTest
        @MethodSource("dateline.markup.CommentTextTest#payloads")
        void no_payload_survives_as_executable_markup(String payload) {
            assertOnlyHarmlessMarkup(toSafeHtml(payload));
        }

        @ParameterizedTest(name = "random comment {index}")
        @MethodSource("dateline.markup.CommentTextTest#randomComments")
        void random_comments_yield_only_the_allowed_markup_and_lose_no_text(String typed) {
            String html = toSafeHtml(typed);
            assertOnlyHarmlessMarkup(html);
            assertWellFormed(html);
            assertThat(Jsoup.parseBodyFragment(html).body().text()).as("what the page shows").isEqualTo(toPlainText(typed));
        }
    }

    @Nested
    class Validity {
        @Test
        void the_html_of_every_example_payload_and_random_comment_is_valid_inside_an_article() {
            List<String> typed = new ArrayList<>(List.of(
                    "Dear editor,\nthanks.\n\n<b>Bold</b>, <i>i</i>, <em>em</em>, <strong>s</strong>, <code>c</code>.",
                    "<blockquote>quoted\n\nmore</blockquote>after <a href=\"https://example.org/a?b=1&amp;c=2\">link</a>",
                    "<b><i>x</b>y</i> <a href=\"https://example.org\"><b>z<a href=\"https://two.example\">w</b></a>",
                    "see www.example.org and https://example.org/a|b{c}[d]^e`f and https://x.org/100% or mailto:a@b.org"));
            payloads().forEach(typed::add);
            randomComments().forEach(typed::add);
            StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Comments</title></head><body>");
            for (String comment : typed) page.append("<article>").append(toSafeHtml(comment)).append("</article>\n");
            page.append("</body></html>");
            assertThat(new HtmlChecker().errors(page.toString())).isEmpty();
        }
    }

    private static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "br", "b", "i", "em", "strong", "code", "blockquote", "a");

    /** Only the allowed elements, only href and rel, only web and mail addresses, every link marked. */
    private static void assertOnlyHarmlessMarkup(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(body.childNodes()).noneMatch(node -> node instanceof org.jsoup.nodes.Comment
                || node instanceof org.jsoup.nodes.DataNode);
        for (Element element : body.getAllElements()) {
            if (element == body) continue;
            assertThat(element.normalName()).as(html).isIn(ALLOWED_ELEMENTS);
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as(html).isIn("href", "rel");
            }
            if (element.normalName().equals("a")) {
                assertThat(element.attr("href")).as(html).matches("(?i)(https?://|mailto:)[^\\s]+");
                assertThat(element.attr("rel")).as(html).isEqualTo("nofollow ugc noopener");
            }
        }
        assertThat(html.toLowerCase()).as(html).doesNotContain("<script", "<img", "<svg", "<style", "onerror=", "onclick=");
    }

    /** The HTML read by a strict XML parser: every tag is closed, in order. */
    private static org.w3c.dom.Document assertWellFormed(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            String xml = "<div>" + html.replace("<br>", "<br/>") + "</div>";
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            return fail("not well-formed: " + html, e);
        }
    }
}
