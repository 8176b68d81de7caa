package dateline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dateline.markup.SafeHtml;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WordPressHtmlTest {
    static final Map<Long, String> ATTACHMENTS = Map.of(
            301L, "https://gazette.example.org/wp-content/uploads/2024/01/harbour-storm.jpg",
            302L, "https://gazette.example.org/wp-content/uploads/2024/02/regatta.png");
    static final LongFunction<Optional<String>> URLS = id -> Optional.ofNullable(ATTACHMENTS.get(id));

    static String html(String raw) {
        return WordPressHtml.toHtml(raw, URLS);
    }

    @Nested
    class Block_editor_content {
        @Test
        void drops_block_comments_and_keeps_the_html_between_them() {
            assertThat(html("<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n"
                    + "<!-- wp:separator /-->\n\n<!-- wp:latest-posts {\"postsToShow\":3} /-->\n"
                    + "<!-- wp:paragraph {\"align\":\"center\"} -->\n<p>Two</p>\n<!-- /wp:paragraph -->"))
                    .isEqualTo("<p>One</p>\n\n\n<p>Two</p>");
        }

        @Test
        void does_not_add_paragraphs_or_breaks_to_block_content() {
            assertThat(html("<!-- wp:html -->\nline one\nline two\n<!-- /wp:html -->"))
                    .isEqualTo("line one\nline two");
        }

        @Test
        void an_embed_block_becomes_a_link_to_its_url() {
            assertThat(html("<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\",\"type\":\"video\"} -->\n"
                    + "<figure class=\"wp-block-embed\"><div class=\"wp-block-embed__wrapper\">\n"
                    + "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>\n<!-- /wp:embed -->"))
                    .isEqualTo("<p><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">"
                            + "https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>");
        }

        @Test
        void an_old_provider_embed_block_with_escaped_json_becomes_a_link_too() {
            assertThat(html("<!-- wp:core-embed/twitter {\"url\":\"https:\\/\\/twitter.com\\/x\\/status\\/1?a=1\\u0026b=2\"} -->\n"
                    + "<figure><div>https://twitter.com/x/status/1?a=1&amp;b=2</div></figure>\n<!-- /wp:core-embed/twitter -->"))
                    .isEqualTo("<p><a href=\"https://twitter.com/x/status/1?a=1&amp;b=2\">"
                            + "https://twitter.com/x/status/1?a=1&amp;b=2</a></p>");
        }
    }

    @Nested
    class Classic_editor_content {
        @Test
        void blank_lines_make_paragraphs_and_single_line_breaks_make_breaks() {
            assertThat(html("First line\nsecond line\n\nNext paragraph.\r\n\r\n\n\nLast one."))
                    .isEqualTo("<p>First line<br>\nsecond line</p>\n<p>Next paragraph.</p>\n<p>Last one.</p>");
        }

        @Test
        void block_elements_stand_on_their_own_and_are_not_wrapped() {
            assertThat(html("Intro\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\nAfter\n<h2>Title</h2>"))
                    .isEqualTo("<p>Intro</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>After</p>\n<h2>Title</h2>");
        }

        @Test
        void text_inside_pre_is_left_as_it_is() {
            assertThat(html("Code:\n\n<pre>\na  = 1\n\nb  = 2\n</pre>\n\nDone."))
                    .isEqualTo("<p>Code:</p>\n<pre>\na  = 1\n\nb  = 2\n</pre>\n<p>Done.</p>");
        }

        @Test
        void inline_markup_stays_in_its_paragraph() {
            assertThat(html("<strong>Who can vote?</strong>\nEvery citizen over <em>18</em>."))
                    .isEqualTo("<p><strong>Who can vote?</strong><br>\nEvery citizen over <em>18</em>.</p>");
        }

        @Test
        void a_url_alone_on_its_line_becomes_a_link() {
            assertThat(html("Watch:\n\nhttps://www.youtube.com/watch?v=aqz-KE-bpKQ\n\nor read https://a.example/ inline."))
                    .isEqualTo("<p>Watch:</p>\n<p><a href=\"https://www.youtube.com/watch?v=aqz-KE-bpKQ\">"
                            + "https://www.youtube.com/watch?v=aqz-KE-bpKQ</a></p>\n<p>or read https://a.example/ inline.</p>");
        }

        @Test
        void unicode_and_emoji_pass_through_unchanged() {
            assertThat(html("Bonne chance à tous ! 🎉\n\n👩‍👩‍👧 家族 — ça va ?"))
                    .isEqualTo("<p>Bonne chance à tous ! 🎉</p>\n<p>👩‍👩‍👧 家族 — ça va ?</p>");
        }
    }

    @Nested
    class Shortcodes {
        @Test
        void a_caption_around_a_linked_image_becomes_a_figure() {
            assertThat(html("[caption id=\"attachment_302\" align=\"aligncenter\" width=\"640\"]<a href=\"https://x.example/r.png\">"
                    + "<img class=\"size-large wp-image-302\" src=\"https://x.example/r.png\" alt=\"Boats\" width=\"640\""
                    + " height=\"427\" /></a> Boats at the start of last year’s regatta 🚤[/caption]"))
                    .isEqualTo("<figure><a href=\"https://x.example/r.png\"><img class=\"size-large wp-image-302\""
                            + " src=\"https://x.example/r.png\" alt=\"Boats\" width=\"640\" height=\"427\"></a>"
                            + "<figcaption>Boats at the start of last year’s regatta 🚤</figcaption></figure>");
        }

        @Test
        void a_caption_around_a_bare_image_with_markup_in_its_text_becomes_a_figure() {
            assertThat(html("[caption width=\"300\"]<img src=\"https://x.example/a.jpg\" alt=\"\"> The <em>old</em> quay[/caption]"))
                    .isEqualTo("<figure><img src=\"https://x.example/a.jpg\" alt=\"\">"
                            + "<figcaption>The <em>old</em> quay</figcaption></figure>");
        }

        @Test
        void an_old_caption_takes_its_text_from_the_caption_attribute() {
            assertThat(html("[caption id=\"\" align=\"alignleft\" width=\"300\" caption=\"Fish & chips\"]"
                    + "<img src=\"https://x.example/f.jpg\">[/caption]"))
                    .isEqualTo("<figure><img src=\"https://x.example/f.jpg\"><figcaption>Fish &amp; chips</figcaption></figure>");
        }

        @Test
        void a_gallery_becomes_a_figure_of_the_images_whose_address_is_known() {
            assertThat(html("[gallery ids=\"301, 302,399\" columns=\"3\"]"))
                    .isEqualTo("<figure class=\"gallery\"><img src=\"" + ATTACHMENTS.get(301L) + "\" alt=\"\">"
                            + "<img src=\"" + ATTACHMENTS.get(302L) + "\" alt=\"\"></figure>");
            assertThat(html("Before\n\n[gallery ids=\"399\"]\n\nAfter")).isEqualTo("<p>Before</p>\n<p>After</p>");
            assertThat(html("[gallery]")).as("a gallery of “all the post's images” cannot be known").isEmpty();
        }

        @Test
        void an_embed_shortcode_becomes_a_link() {
            assertThat(html("[embed width=\"500\"]https://vimeo.com/76979871[/embed]"))
                    .isEqualTo("<p><a href=\"https://vimeo.com/76979871\">https://vimeo.com/76979871</a></p>");
            assertThat(html("[video mp4=\"https://x.example/v.mp4\"][/video]"))
                    .isEqualTo("<p><a href=\"https://x.example/v.mp4\">https://x.example/v.mp4</a></p>");
        }

        @Test
        void other_shortcodes_are_removed_and_their_content_kept() {
            assertThat(html("A [contact-form-7 id=\"5\" title=\"Questions\"] B [bar] C [foo attr]inside[/foo] D [self /] E"))
                    .isEqualTo("<p>A  B  C inside D  E</p>");
        }

        @Test
        void nested_shortcodes_are_each_handled() {
            assertThat(html("[column width=\"1/2\"][caption]<img src=\"https://x.example/a.jpg\"> Inner[/caption][/column]"))
                    .isEqualTo("<figure><img src=\"https://x.example/a.jpg\"><figcaption>Inner</figcaption></figure>");
            assertThat(html("[outer][inner]text[/inner][/outer]")).isEqualTo("<p>text</p>");
        }

        @Test
        void malformed_shortcodes_leave_readable_text() {
            assertThat(html("An unclosed [caption]<img src=\"https://x.example/a.jpg\"> text and [broken attr=\"x\" here"))
                    .isEqualTo("<p>An unclosed <img src=\"https://x.example/a.jpg\"> text and [broken attr=\"x\" here</p>");
            assertThat(html("A stray [/foo] closing")).isEqualTo("<p>A stray  closing</p>");
        }

        @Test
        void brackets_that_are_text_survive() {
            assertThat(html("He said [sic] it twice [1]. [&#8230;] the rest [Applause] […]"))
                    .isEqualTo("<p>He said [sic] it twice [1]. [&#8230;] the rest [Applause] […]</p>");
        }

        @Test
        void a_doubled_bracket_is_a_literal_shortcode() {
            assertThat(html("Write [[gallery ids=\"1\"]] to show a gallery.")).isEqualTo(
                    "<p>Write [gallery ids=\"1\"] to show a gallery.</p>");
        }
    }

    @Test
    void characters_used_as_internal_marks_cannot_come_from_the_file() {
        assertThat(html("a \uE0007\uE001 b [caption]<img src=\"https://x.example/a.jpg\"> c[/caption]"))
                .isEqualTo("<p>a 7 b</p>\n<figure><img src=\"https://x.example/a.jpg\"><figcaption>c</figcaption></figure>");
    }

    @Test
    void content_full_of_brackets_or_deeply_nested_shortcodes_takes_moments_not_hours() {
        String brackets = "w[a][b x=\"1\"][/c] ".repeat(60_000); // about 1.2 MB, no closing tag ever matches
        String nested = "[n]".repeat(20_000) + "deep" + "[/n]".repeat(20_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(html(brackets)).isEqualTo("<p>" + "w ".repeat(60_000).strip() + "</p>");
            assertThat(html(nested)).isEqualTo("<p>deep</p>");
        });
    }

    @Test
    void nothing_gives_nothing() {
        assertThat(html(null)).isEmpty();
        assertThat(html(" \n ")).isEmpty();
    }

    @Test
    void the_fixture_posts_survive_the_sites_html_policy_with_their_figures_links_and_captions() {
        Collected site = WxrReaderTest.read("wordpress-site.xml");
        String classic = SafeHtml.sanitize(html(site.item(102).content()));
        assertThat(classic)
                .contains("<p>Voters in France go to the polls in June. Here is what you need to know.</p>")
                .contains("<figure><a href=\"https://gazette.example.org/wp-content/uploads/2024/02/regatta.png\" rel=\"noopener\">"
                        + "<img src=\"https://gazette.example.org/wp-content/uploads/2024/02/regatta.png\" alt=\"Boats at the start line\""
                        + " width=\"640\" height=\"427\" /></a><figcaption>Boats at the start of last year’s regatta &#x1f6a4;</figcaption></figure>")
                .contains("<p><strong>Who can vote?</strong><br />\nEvery citizen over 18.<br />\nResidents from other EU countries too.</p>")
                .contains("<figure class=\"gallery\"><img src=\"" + ATTACHMENTS.get(301L) + "\" alt=\"\" /><img src=\""
                        + ATTACHMENTS.get(302L) + "\" alt=\"\" /></figure>")
                .contains("<a href=\"https://www.youtube.com/watch?v&#61;aqz-KE-bpKQ\" rel=\"noopener\">")
                .contains("<a href=\"https://vimeo.com/76979871\" rel=\"noopener\">")
                .contains("<pre>\npolls open   08:00\n\npolls close  20:00\n</pre>")
                .contains("<p>Bonne chance à tous ! &#x1f389;</p>")
                .doesNotContain("[", "contact-form");
        String blocks = SafeHtml.sanitize(html(site.item(101).content()));
        assertThat(blocks)
                .contains("<p>The harbour reopened on Monday morning")
                .contains("<figure><img src=\"" + ATTACHMENTS.get(301L) + "\" alt=\"Waves breaking over the harbour wall\" />"
                        + "<figcaption>The harbour wall on Friday night</figcaption></figure>")
                .contains("<h2>What was damaged</h2>")
                .contains("<a href=\"https://www.youtube.com/watch?v&#61;dQw4w9WgXcQ\" rel=\"noopener\">")
                .doesNotContain("wp:", "<!--", "wp-block");
    }
}
