package dateline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WxrWriterTest {
    static final Wxr.Site SITE = new Wxr.Site("Gazette & Co <1>", "https://g.example", "Awkward ]]> site", "fr-FR",
            "https://g.example", "https://g.example/blog", "1.2");

    @TempDir
    Path dir;

    /** Writes everything collected, in the order WXR wants, and reads the file back. */
    Collected roundTrip(Collected in) throws IOException {
        Path file = dir.resolve("out.xml");
        try (OutputStream out = Files.newOutputStream(file); WxrWriter w = new WxrWriter(out, in.sites.get(0))) {
            in.authors.forEach(w::author);
            in.terms.forEach(w::term);
            in.items.forEach(w::item);
        }
        return WxrReaderTest.read(file);
    }

    static Collected of(Wxr.Site site, List<Wxr.Author> authors, List<Wxr.Term> terms, List<Wxr.Item> items) {
        Collected c = new Collected();
        c.site(site);
        authors.forEach(c::author);
        terms.forEach(c::term);
        items.forEach(c::item);
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"wordpress-site.xml", "wordpress-1.1.xml"})
    void a_fixture_written_and_read_again_gives_equal_records(String fixture) throws IOException {
        Collected original = WxrReaderTest.read(fixture);
        Collected again = roundTrip(original);
        Wxr.Site site = original.sites.get(0);
        assertThat(again.sites).containsExactly(new Wxr.Site(site.title(), site.link(), site.description(),
                site.language(), site.baseSiteUrl(), site.baseBlogUrl(), "1.2"));
        assertThat(again.authors).map(Lines::of).isEqualTo(original.authors.stream().map(Lines::of).toList());
        assertThat(again.terms).map(Lines::of).isEqualTo(original.terms.stream().map(Lines::of).toList());
        assertThat(again.items).map(Lines::of).isEqualTo(original.items.stream().map(Lines::of).toList());
    }

    @Test
    void awkward_text_survives_except_what_xml_cannot_hold() throws IOException {
        Random random = new Random(7);
        List<Wxr.Item> items = new ArrayList<>();
        List<Wxr.Item> expected = new ArrayList<>();
        for (int n = 1; n <= 300; n++) {
            Awkward a = Awkward.next(random);
            Wxr.Comment comment = new Wxr.Comment(n * 10L, a.text, a.text, "https://x.example/?a=1&b=" + n, "::1",
                    Instant.ofEpochSecond(1_600_000_000L + n), a.text, n % 3 == 0 ? "spam" : "1",
                    n % 5 == 0 ? "pingback" : "", 0, 0, List.of(new Wxr.Meta(a.text, a.text)), 0);
            Wxr.Item item = new Wxr.Item(n, a.text, "https://x.example/?p=" + n, "https://x.example/?p=" + n, "alice",
                    a.text, a.text, n % 4 == 0 ? null : Instant.ofEpochSecond(1_500_000_000L + n * 3600L),
                    Instant.ofEpochSecond(1_700_000_000L + n), n % 4 == 0 ? "draft" : "publish", "post", a.text,
                    n % 7, -n, n % 2 == 0, "open", a.text, "", List.of(new Wxr.TermRef("post_tag", a.text, a.text)),
                    List.of(new Wxr.Meta("_dateline_source", a.text)), List.of(comment), 0);
            items.add(item);
            String e = a.expected;
            Wxr.Comment c = comment;
            expected.add(new Wxr.Item(n, e, item.link(), item.guid(), "alice", e, e, item.dateGmt(),
                    item.modifiedGmt(), item.status(), "post", e, item.parentId(), item.menuOrder(), item.sticky(),
                    "open", e, "", List.of(new Wxr.TermRef("post_tag", a.inAttribute(), e)), List.of(new Wxr.Meta("_dateline_source", e)),
                    List.of(new Wxr.Comment(c.id(), e, e, c.authorUrl(), "::1", c.dateGmt(), e, c.approved(), c.type(), 0,
                            0, List.of(new Wxr.Meta(e, e)), 0)), 0));
        }
        Collected again = roundTrip(of(SITE, List.of(new Wxr.Author(1, "alice", "a@x.example", "Ålice ]]> 🦊", "", "", "editor", 0)),
                List.of(new Wxr.Term(5, "category", "news", "News & ]]> views", "", "d\u0007", 0),
                        new Wxr.Term(6, "post_tag", "t", "T", "", "", 0),
                        new Wxr.Term(7, "series", "s", "S", "news", "", 0)), items));
        assertThat(again.sites).containsExactly(SITE);
        assertThat(again.authors).map(Lines::of)
                .containsExactly(new Wxr.Author(1, "alice", "a@x.example", "Ålice ]]> 🦊", "", "", "editor", 0));
        assertThat(again.terms).map(Lines::of).containsExactly(
                new Wxr.Term(5, "category", "news", "News & ]]> views", "", "d", 0),
                new Wxr.Term(6, "post_tag", "t", "T", "", "", 0), new Wxr.Term(7, "series", "s", "S", "news", "", 0));
        assertThat(again.items).map(Lines::of).isEqualTo(expected);
    }

    @Test
    void writes_wxr_1_2_the_way_WordPress_does() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WxrWriter w = new WxrWriter(out, SITE)) {
            w.author(new Wxr.Author(1, "alice", "a@x.example", "Alice", "A", "M", "editor", 0));
            w.term(new Wxr.Term(3, "category", "europe", "Europe", "world", "", 0));
            w.term(new Wxr.Term(4, "post_tag", "harbour", "Harbour", "", "", 0));
            w.item(new Wxr.Item(12, "A ]]> B", "https://g.example/a/", "https://g.example/?p=12", "alice", "<p>x</p>",
                    "", Instant.parse("2024-01-15T08:30:00Z"), null, "publish", "post", "a", 0, 0, true, "open", "",
                    "", List.of(new Wxr.TermRef("category", "europe", "Europe")), List.of(),
                    List.of(new Wxr.Comment(3, "Zoë", "z@x.example", "", "::1", null, "Hi", "1", "", 0, 0, List.of(), 0)),
                    0));
        }
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\""
                        + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                        + " xmlns:wfw=\"http://wellformedweb.org/CommentAPI/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                        + " xmlns:wp=\"http://wordpress.org/export/1.2/\" xmlns:dateline=\"urn:x-dateline:export:1\">")
                .contains("<title>Gazette &amp; Co &lt;1&gt;</title>")
                .contains("<wp:wxr_version>1.2</wp:wxr_version>")
                .contains("<wp:base_blog_url>https://g.example/blog</wp:base_blog_url>")
                .contains("<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[alice]]></wp:author_login>")
                .contains("<wp:author_last_name><![CDATA[M]]></wp:author_last_name><dateline:role>editor</dateline:role></wp:author>")
                .contains("<wp:category_parent><![CDATA[world]]></wp:category_parent>")
                .contains("<wp:tag_slug><![CDATA[harbour]]></wp:tag_slug>")
                .contains("<title><![CDATA[A ]]]]><![CDATA[> B]]></title>")
                .contains("<pubDate>Mon, 15 Jan 2024 08:30:00 +0000</pubDate>")
                .contains("<dc:creator><![CDATA[alice]]></dc:creator>")
                .contains("<guid isPermaLink=\"false\">https://g.example/?p=12</guid>")
                .contains("<content:encoded><![CDATA[<p>x</p>]]></content:encoded>")
                .contains("<wp:post_date_gmt><![CDATA[2024-01-15 08:30:00]]></wp:post_date_gmt>")
                .contains("<wp:post_modified_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_modified_gmt>")
                .contains("<wp:is_sticky>1</wp:is_sticky>")
                .contains("<category domain=\"category\" nicename=\"europe\"><![CDATA[Europe]]></category>")
                .contains("<wp:comment_type><![CDATA[comment]]></wp:comment_type>")
                .doesNotContain("attachment_url")
                .endsWith("</channel>\n</rss>\n");
    }

    @Test
    void an_author_or_term_after_the_first_item_is_refused() {
        WxrWriter w = new WxrWriter(OutputStream.nullOutputStream(), SITE);
        w.item(new Wxr.Item(1, "", "", "", "", "", "", null, null, "draft", "post", "", 0, 0, false, "", "", "",
                List.of(), List.of(), List.of(), 0));
        assertThatThrownBy(() -> w.term(new Wxr.Term(1, "post_tag", "a", "A", "", "", 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before items");
        w.close();
        w.close();
    }

    @Test
    void characters_xml_cannot_hold_are_left_out() {
        assertThat(WxrWriter.xmlText("a\u0000b\u0008c\u001Fd\tе\n\uFFFE\uFFFF🦊\uD83Dx\uDC00y")).isEqualTo("abcd\tе\n🦊xy");
        assertThat(WxrWriter.xmlText(null)).isEmpty();
    }

    /** Text with what is hard to put in XML, and what a reader gets back from it. */
    record Awkward(String text, String expected) {
        /** In an attribute (a term reference's slug) a reader also turns line ends and tabs into spaces. */
        String inAttribute() {
            return expected.replace('\n', ' ').replace('\t', ' ');
        }

        static final String[] PIECES = {"]]>", "]]", "]", "<![CDATA[", "&amp;", "&", "<b>", "\"'", " ", "  ",
                "\n", "\t", "\r\n", "\r", "é", "🎉", "👩‍👩‍👧", "家族", "\u0000", "\u0001", "\u001B", "\uFFFE",
                "\uD800", "plain", "--", "-->", "<!--", "?>", "\u00A0", "\u2028", "x]]>y"};

        static Awkward next(Random random) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int i = 0; i < parts; i++) text.append(PIECES[random.nextInt(PIECES.length)]);
            String t = text.toString();
            String expected = WxrWriter.xmlText(t).replace("\r\n", "\n").replace('\r', '\n');
            return new Awkward(t, expected);
        }
    }

    /** Records without the lines they were read from, to compare what two files say. */
    static final class Lines {
        static Wxr.Author of(Wxr.Author a) {
            return new Wxr.Author(a.id(), a.login(), a.email(), a.displayName(), a.firstName(), a.lastName(), a.role(), 0);
        }

        static Wxr.Term of(Wxr.Term t) {
            return new Wxr.Term(t.id(), t.taxonomy(), t.slug(), t.name(), t.parentSlug(), t.description(), 0);
        }

        static Wxr.Item of(Wxr.Item i) {
            return new Wxr.Item(i.postId(), i.title(), i.link(), i.guid(), i.creator(), i.content(), i.excerpt(),
                    i.dateGmt(), i.modifiedGmt(), i.status(), i.postType(), i.postName(), i.parentId(), i.menuOrder(),
                    i.sticky(), i.commentStatus(), i.password(), i.attachmentUrl(), i.terms(), i.meta(),
                    i.comments().stream().map(c -> new Wxr.Comment(c.id(), c.author(), c.authorEmail(), c.authorUrl(),
                            c.authorIp(), c.dateGmt(), c.content(), c.approved(), c.type(), c.parentId(), c.userId(),
                            c.meta(), 0)).toList(), 0);
        }
    }
}
