package dateline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WxrReaderTest {
    static Collected read(Path file) {
        Collected c = new Collected();
        new WxrReader().read(file, c);
        return c;
    }

    static Collected read(String fixture) {
        return read(Fixtures.file(fixture));
    }

    /** The line of the {@code <item>} that holds the given wp:post_id. */
    static int itemLine(String fixture, long postId) throws IOException {
        List<String> lines = Files.readAllLines(Fixtures.file(fixture));
        int at = lines.indexOf(lines.stream().filter(l -> l.contains("<wp:post_id>" + postId + "</wp:post_id>"))
                .findFirst().orElseThrow());
        while (!lines.get(at).contains("<item>")) at--;
        return at + 1;
    }

    @Nested
    class A_WordPress_6_export {
        final Collected site = read("wordpress-site.xml");

        @Test
        void hands_the_site_once_before_any_author_term_or_item() {
            assertThat(site.order.get(0)).isEqualTo("site");
            assertThat(site.order.stream().filter("site"::equals)).hasSize(1);
            assertThat(site.sites.get(0)).isEqualTo(new Wxr.Site("The Harbour Gazette", "https://gazette.example.org",
                    "News from the harbour & the hills", "en-GB", "https://gazette.example.org",
                    "https://gazette.example.org", "1.2"));
        }

        @Test
        void hands_authors_and_terms_before_items_in_file_order() {
            assertThat(site.order).containsSubsequence("author", "author", "author", "term", "item");
            assertThat(site.order.lastIndexOf("term")).isLessThan(site.order.indexOf("item"));
        }

        @Test
        void reads_every_author_including_one_with_no_posts() throws IOException {
            assertThat(site.authors).extracting(Wxr.Author::login).containsExactly("alice", "bob.okafor", "chloe");
            Wxr.Author chloe = site.authors.get(2);
            assertThat(chloe).isEqualTo(new Wxr.Author(3, "chloe", "chloe@gazette.example.org", "Chloé Dupont",
                    "Chloé", "Dupont", "", Fixtures.lineOf("wordpress-site.xml", "<wp:author_id>3<")));
        }

        @Test
        void keeps_the_hierarchy_of_categories_by_the_parent_slug() {
            assertThat(site.term("category", "france").orElseThrow().parentSlug()).isEqualTo("europe");
            assertThat(site.term("category", "europe").orElseThrow().parentSlug()).isEqualTo("world");
            Wxr.Term world = site.term("category", "world").orElseThrow();
            assertThat(world.parentSlug()).isEmpty();
            assertThat(world.name()).isEqualTo("World");
            assertThat(world.description()).isEqualTo("News from beyond the harbour");
            assertThat(world.id()).isEqualTo(2);
            assertThat(world.isCategory()).isTrue();
        }

        @Test
        void reads_tags_and_other_terms_with_their_taxonomy() {
            Wxr.Term fete = site.term("post_tag", "f%c3%aate").orElseThrow();
            assertThat(fete.name()).isEqualTo("Fête");
            assertThat(fete.isTag()).isTrue();
            assertThat(site.term("post_tag", "elections").orElseThrow().description())
                    .isEqualTo("Votes, polls and results");
            assertThat(site.term("nav_menu", "footer").orElseThrow().name()).isEqualTo("Footer");
        }

        @Test
        void reads_a_published_sticky_post_with_its_dates_terms_and_meta() throws IOException {
            Wxr.Item post = site.item(101);
            assertThat(post.title()).isEqualTo("Harbour reopens after the storm");
            assertThat(post.link()).isEqualTo("https://gazette.example.org/2024/01/15/harbour-reopens/");
            assertThat(post.guid()).isEqualTo("https://gazette.example.org/?p=101");
            assertThat(post.creator()).isEqualTo("alice");
            assertThat(post.excerpt()).isEqualTo("Three days after the storm, boats are back.");
            assertThat(post.content()).startsWith("<!-- wp:paragraph -->\n<p>The harbour reopened")
                    .endsWith("<!-- /wp:paragraph -->");
            assertThat(post.dateGmt()).isEqualTo(Instant.parse("2024-01-15T08:30:00Z"));
            assertThat(post.modifiedGmt()).isEqualTo(Instant.parse("2024-01-16T10:05:12Z"));
            assertThat(post.status()).isEqualTo("publish");
            assertThat(post.postType()).isEqualTo("post");
            assertThat(post.postName()).isEqualTo("harbour-reopens");
            assertThat(post.sticky()).isTrue();
            assertThat(post.commentStatus()).isEqualTo("open");
            assertThat(post.terms()).containsExactly(new Wxr.TermRef("category", "local", "Local news"),
                    new Wxr.TermRef("post_tag", "harbour", "Harbour"));
            assertThat(post.meta("_thumbnail_id")).contains("301");
            assertThat(post.line()).isEqualTo(itemLine("wordpress-site.xml", 101));
        }

        @Test
        void reads_comments_threaded_four_deep_with_every_status() {
            Wxr.Item post = site.item(101);
            assertThat(post.comments()).extracting(Wxr.Comment::id)
                    .containsExactly(201L, 202L, 203L, 204L, 205L, 206L, 207L, 208L, 209L);
            assertThat(post.comments()).extracting(Wxr.Comment::parentId)
                    .containsExactly(0L, 201L, 202L, 203L, 0L, 0L, 0L, 0L, 999L);
            assertThat(post.comments()).extracting(Wxr.Comment::approved)
                    .containsExactly("1", "1", "1", "1", "0", "spam", "trash", "1", "1");
            Wxr.Comment zoe = Collected.comment(post, 204);
            assertThat(zoe.author()).isEqualTo("Zoë 🌊 Haddad");
            assertThat(zoe.authorEmail()).isEqualTo("zoe@mail.example");
            assertThat(zoe.authorIp()).isEqualTo("2001:db8::44");
            assertThat(zoe.content()).isEqualTo("Yes — diesel and petrol. 🚤⛽\nCash only for now.");
            assertThat(zoe.dateGmt()).isEqualTo(Instant.parse("2024-01-15T11:30:00Z"));
            assertThat(zoe.type()).as("WordPress 6 writes “comment” for a plain comment").isEmpty();
            assertThat(Collected.comment(post, 202).userId()).isEqualTo(1);
            assertThat(Collected.comment(post, 206).meta()).containsExactly(new Wxr.Meta("akismet_result", "true"));
            Wxr.Comment pingback = Collected.comment(post, 208);
            assertThat(pingback.type()).isEqualTo("pingback");
            assertThat(pingback.content()).isEqualTo("[&#8230;] the harbour reopened on Monday, the Gazette reports"
                    + " [&#8230;]");
        }

        @Test
        void keeps_unicode_and_emoji_in_titles_slugs_and_content() {
            Wxr.Item post = site.item(102);
            assertThat(post.title()).isEqualTo("Élections européennes : ce qu’il faut savoir 🇪🇺");
            assertThat(post.postName()).as("as WordPress stores it, percent-encoded")
                    .isEqualTo("%c3%a9lections-europ%c3%a9ennes");
            assertThat(post.content()).contains("[caption id=\"attachment_302\"").endsWith("Bonne chance à tous ! 🎉");
            assertThat(post.dateGmt()).isEqualTo(Instant.parse("2024-02-10T13:00:00Z"));
            assertThat(Collected.comment(post, 210).dateGmt())
                    .as("the GMT date, not the local one").isEqualTo(Instant.parse("2024-02-10T14:20:00Z"));
        }

        @Test
        void a_draft_or_pending_item_has_no_publication_date_but_keeps_its_modified_date() {
            assertThat(site.item(103).status()).isEqualTo("draft");
            assertThat(site.item(103).dateGmt()).isNull();
            assertThat(site.item(103).modifiedGmt()).isEqualTo(Instant.parse("2024-03-04T10:00:00Z"));
            assertThat(site.item(103).postName()).isEmpty();
            assertThat(site.item(104).status()).isEqualTo("pending");
            assertThat(site.item(104).dateGmt()).isNull();
        }

        @Test
        void reads_private_scheduled_trashed_and_password_protected_posts() {
            assertThat(site.item(105).status()).isEqualTo("private");
            assertThat(site.item(106).status()).isEqualTo("future");
            assertThat(site.item(106).dateGmt()).isEqualTo(Instant.parse("2030-06-01T07:00:00Z"));
            assertThat(site.item(107).status()).isEqualTo("trash");
            assertThat(site.item(107).meta("_wp_desired_post_slug")).contains("quay-street-closed");
            assertThat(site.item(110).password()).isEqualTo("harbour2024");
        }

        @Test
        void hands_two_posts_with_the_same_slug_as_they_are() {
            assertThat(site.items).filteredOn(i -> i.postName().equals("market-day"))
                    .extracting(Wxr.Item::postId).containsExactly(108L, 109L);
        }

        @Test
        void reads_pages_with_parents_and_menu_order() {
            assertThat(site.item(120).postType()).isEqualTo("page");
            assertThat(site.item(120).menuOrder()).isEqualTo(1);
            assertThat(site.item(121).parentId()).isEqualTo(120);
            assertThat(site.item(122).menuOrder()).isEqualTo(5);
        }

        @Test
        void reads_attachments_with_their_address_and_file() {
            Wxr.Item image = site.item(301);
            assertThat(image.postType()).isEqualTo("attachment");
            assertThat(image.status()).isEqualTo("inherit");
            assertThat(image.parentId()).isEqualTo(101);
            assertThat(image.attachmentUrl())
                    .isEqualTo("https://gazette.example.org/wp-content/uploads/2024/01/harbour-storm.jpg");
            assertThat(image.meta("_wp_attached_file")).contains("2024/01/harbour-storm.jpg");
            assertThat(image.meta("_wp_attachment_image_alt")).contains("Waves breaking over the harbour wall");
            assertThat(site.items).filteredOn(i -> i.postType().equals("attachment")).hasSize(3);
        }
    }

    @Test
    void reads_a_WordPress_3_export_in_WXR_1_1() {
        Collected c = read("wordpress-1.1.xml");
        assertThat(c.sites.get(0).version()).isEqualTo("1.1");
        assertThat(c.sites.get(0).title()).isEqualTo("Valley Courier");
        assertThat(c.authors).extracting(Wxr.Author::login).containsExactly("editor");
        assertThat(c.terms).extracting(Wxr.Term::slug).containsExactly("valley", "floods");
        Wxr.Item post = c.item(5);
        assertThat(post.title()).isEqualTo("River rises after a week of rain");
        assertThat(post.modifiedGmt()).as("WXR 1.1 has no modified date").isNull();
        assertThat(post.comments()).singleElement().satisfies(comment -> {
            assertThat(comment.content()).isEqualTo("Our cellar is already wet.");
            assertThat(comment.type()).isEmpty();
        });
        assertThat(c.item(2).postType()).isEqualTo("page");
    }

    @Nested
    class Bad_input {
        @TempDir
        Path dir;

        Path file(String text) throws IOException {
            Path f = dir.resolve("export.xml");
            Files.writeString(f, text);
            return f;
        }

        String minimal(String items) {
            return """
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                      xmlns:wp="http://wordpress.org/export/1.2/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
                    <channel><title>T</title><wp:wxr_version>1.2</wp:wxr_version>
                    """ + items + "\n</channel></rss>\n";
        }

        @Test
        void malformed_xml_is_refused_with_its_line_column_and_item() {
            assertThatThrownBy(() -> read("malformed.xml")).isInstanceOf(WxrException.class)
                    .hasMessageStartingWith("Line 69: the file is not well-formed XML (column 19) in the item begun on line 68: ")
                    .hasMessageContaining("</title>")
                    .extracting(e -> ((WxrException) e).line()).isEqualTo(69);
        }

        @Test
        void a_truncated_file_names_the_item_it_ends_in() throws IOException {
            int begun = itemLine("wordpress-1.1.xml", 5);
            assertThatThrownBy(() -> read("truncated.xml")).isInstanceOf(WxrException.class)
                    .hasMessageEndingWith("the file ends inside item “River rises after a week of rain” begun on line "
                            + begun + " — it may be truncated");
        }

        @Test
        void a_file_cut_after_its_items_is_called_truncated_too() throws IOException {
            String whole = Files.readString(Fixtures.file("wordpress-1.1.xml"));
            Path cut = file(whole.substring(0, whole.lastIndexOf("</channel>")));
            assertThatThrownBy(() -> read(cut)).hasMessageContaining("the file ends before its closing </rss>"
                    + " — it may be truncated");
        }

        @Test
        void an_unknown_version_is_named() {
            assertThatThrownBy(() -> read("unknown-version.xml")).isInstanceOf(WxrException.class)
                    .hasMessage("Line 17: the file is WXR version “2.0”, which this version of Dateline cannot read;"
                            + " it reads versions 1.0, 1.1, 1.2");
        }

        @Test
        void an_rss_feed_without_a_version_is_not_an_export() throws IOException {
            Path feed = file("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>"
                    + "<item><title>A</title></item></channel></rss>");
            assertThatThrownBy(() -> read(feed)).hasMessageContaining("RSS feed without a <wp:wxr_version>");
        }

        @Test
        void a_file_that_is_not_rss_names_what_it_begins_with() throws IOException {
            Path atom = file("<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>");
            assertThatThrownBy(() -> read(atom))
                    .hasMessage("Line 2: the file is not a WordPress export (WXR): it begins with <feed>, where an"
                            + " export begins with <rss>");
            Path text = file("Hello, this is not XML at all.");
            assertThatThrownBy(() -> read(text)).isInstanceOf(WxrException.class)
                    .hasMessageStartingWith("Line 1: the file is not well-formed XML");
            Path empty = file("");
            assertThatThrownBy(() -> read(empty)).isInstanceOf(WxrException.class);
        }

        @Test
        void a_file_with_a_document_type_is_refused_before_any_entity_is_expanded() throws IOException {
            Path secret = dir.resolve("secret.txt");
            Files.writeString(secret, "TOP SECRET");
            Path xxe = file("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                    + "\"><!ENTITY lol \"lollollollollollollol\">]>\n" + minimal("<item><title>&xxe;&lol;</title></item>")
                    .substring(minimal("").indexOf("<rss")));
            Collected c = new Collected();
            assertThatThrownBy(() -> new WxrReader().read(xxe, c)).isInstanceOf(WxrException.class)
                    .hasMessageContaining("declares a document type");
            assertThat(c.items).isEmpty();
        }

        @Test
        void a_date_that_is_not_a_date_names_the_item_the_field_and_the_line() {
            assertThatThrownBy(() -> read("bad-date.xml")).isInstanceOf(WxrException.class)
                    .hasMessage("Line 41: item “River rises after a week of rain” (wp:post_id 12): the date"
                            + " “2024-13-45 99:00:00” in wp:post_date_gmt is not a date (WordPress writes dates as"
                            + " 2024-01-31 18:05:00)");
        }

        @Test
        void a_number_that_is_not_a_number_names_the_item() throws IOException {
            Path f = file(minimal("<item><title>Odd</title><wp:post_id>7</wp:post_id>"
                    + "<wp:menu_order>first</wp:menu_order></item>"));
            assertThatThrownBy(() -> read(f))
                    .hasMessage("Line 5: item “Odd” (wp:post_id 7): wp:menu_order “first” is not a whole number");
        }

        @Test
        void a_comment_with_a_bad_date_names_the_comment() throws IOException {
            Path f = file(minimal("<item><title>Odd</title><wp:post_id>7</wp:post_id><wp:comment>"
                    + "<wp:comment_id>9</wp:comment_id><wp:comment_date_gmt>yesterday</wp:comment_date_gmt>"
                    + "</wp:comment></item>"));
            assertThatThrownBy(() -> read(f)).hasMessageContaining("item “Odd” (wp:post_id 7), comment 9: the date"
                    + " “yesterday” in wp:comment_date_gmt is not a date");
        }

        @Test
        void an_enormous_field_is_refused_naming_the_item_and_the_field() throws IOException {
            String huge = "a".repeat(WxrReader.LONG_FIELD + 1);
            Path f = file(minimal("<item><title>Big</title><content:encoded><![CDATA[" + huge
                    + "]]></content:encoded></item>"));
            assertThatThrownBy(() -> read(f)).isInstanceOf(WxrException.class)
                    .hasMessage("Line 5: item “Big”: the field content:encoded is longer than 2,000,000 characters,"
                            + " more than any real export holds; the file may be damaged");
            Path title = file(minimal("<item><title>" + "t".repeat(WxrReader.SHORT_FIELD + 1) + "</title></item>"));
            assertThatThrownBy(() -> read(title)).hasMessageContaining("the item begun on line 5: the field title is"
                    + " longer than 1,000 characters");
        }

        @Test
        void escaped_text_outside_cdata_is_not_capped_by_the_parsers_entity_budget() throws IOException {
            Path f = file(minimal("<item><title>Fish &amp; chips</title><content:encoded>" + "a &amp; b &lt; ".repeat(2000)
                    + "</content:encoded></item>"));
            String before = System.getProperty("jdk.xml.totalEntitySizeLimit");
            System.setProperty("jdk.xml.totalEntitySizeLimit", "1000"); // as if the file were 50,000 times larger
            try {
                assertThat(read(f).items.get(0).content()).hasSize(2000 * "a & b < ".length());
            } finally {
                if (before == null) System.clearProperty("jdk.xml.totalEntitySizeLimit");
                else System.setProperty("jdk.xml.totalEntitySizeLimit", before);
            }
        }

        @Test
        void a_missing_file_is_named() {
            assertThatThrownBy(() -> read(dir.resolve("nothing.xml"))).isInstanceOf(WxrException.class)
                    .hasMessageContaining("there is no file").hasMessageContaining("nothing.xml");
        }

        @Test
        void a_handler_may_stop_the_reading_with_its_own_message() throws IOException {
            Path f = file(minimal("<item><title>A</title></item><item><title>B</title></item>"));
            Collected seen = new Collected() {
                @Override
                public void item(Wxr.Item item) {
                    super.item(item);
                    throw new WxrException(item.line(), "stop here");
                }
            };
            assertThatThrownBy(() -> new WxrReader().read(f, seen)).hasMessage("Line 5: stop here");
            assertThat(seen.items).hasSize(1);
        }
    }
}
