package dateline.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.testing.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportServiceTest {
    private TestSite site;
    private MovingSites.Furnished facts;
    private Collected export;

    @BeforeAll
    void furnish() {
        site = TestSite.services();
        facts = MovingSites.furnish(site, 12);
        export = new Collected();
        site.wiring().exports().export(export);
    }

    @AfterAll
    void close() {
        site.close();
    }

    @Nested
    class The_export {
        @Test
        void hands_out_the_site_then_authors_then_terms_then_items() {
            assertThat(export.order.get(0)).isEqualTo("site");
            assertThat(String.join(" ", export.order)).matches("site( author)+( term)+( item)+");
            Wxr.Site s = export.sites.get(0);
            assertThat(s.version()).isEqualTo("1.2");
            assertThat(s.link()).isEqualTo(site.baseUrl());
            assertThat(s.title()).isEqualTo(site.wiring().site().settings().title());
        }

        @Test
        void has_every_account_section_tag_article_and_page() {
            var w = site.wiring();
            assertThat(export.authors).hasSize((int) w.accounts().count());
            assertThat(export.terms.stream().filter(Wxr.Term::isCategory)).hasSize(w.articles().sections().size());
            assertThat(export.terms.stream().filter(Wxr.Term::isTag)).hasSize(w.articles().tags().size());
            assertThat(export.ofType("post")).hasSize(12 + 5);
            assertThat(export.ofType("page")).hasSize(3);
        }

        @Test
        void gives_items_unique_post_ids() {
            assertThat(export.items.stream().map(Wxr.Item::postId).distinct()).hasSize(export.items.size());
        }

        @Test
        void says_each_status_in_wordpress_words() {
            assertThat(export.titled("A draft about ferries").status()).isEqualTo("draft");
            assertThat(export.titled("Waiting for an editor").status()).isEqualTo("pending");
            assertThat(export.titled("The budget, tomorrow").status()).isEqualTo("future");
            assertThat(export.titled("The budget, tomorrow").dateGmt()).isEqualTo(facts.scheduled().publishedAt());
            Wxr.Item retracted = export.titled("A claim we got wrong");
            assertThat(retracted.status()).isEqualTo("publish");
            assertThat(retracted.meta(DatelineMeta.RETRACTED)).contains("The source withdrew the claim.");
            assertThat(retracted.meta(DatelineMeta.TYPE)).contains("analysis");
        }

        @Test
        void carries_an_article_with_its_address_source_terms_and_notes() {
            Wxr.Item moved = export.titled("Harbour plan");
            assertThat(moved.link()).isEqualTo(site.baseUrl() + facts.moved().path());
            assertThat(moved.postName()).isEqualTo(MovingSites.MOVED_TO_SLUG);
            assertThat(moved.content()).contains("<h2").contains("<em>vote</em>");
            assertThat(moved.excerpt()).isEqualTo("The council votes on Tuesday.");
            assertThat(moved.creator()).isEqualTo(facts.editor().slug());
            assertThat(moved.meta(DatelineMeta.BODY_FORMAT)).contains("markdown");
            assertThat(moved.meta(DatelineMeta.SOURCE)).contains("## What happens\n\nA *vote*.");
            assertThat(moved.meta(DatelineMeta.PATH)).contains(facts.moved().path());
            assertThat(moved.meta(DatelineMeta.FORMER_PATH)).contains(facts.movedFrom());
            assertThat(moved.meta(DatelineMeta.PLACE)).contains("PORTSMOUTH");
            assertThat(moved.meta(DatelineMeta.UPDATE).flatMap(DatelineMeta.Update::parse).map(DatelineMeta.Update::note))
                    .contains("The vote is on Tuesday, not Monday.");
            assertThat(moved.terms()).extracting(Wxr.TermRef::domain, Wxr.TermRef::slug)
                    .contains(org.assertj.core.groups.Tuple.tuple("post_tag", "harbour"),
                            org.assertj.core.groups.Tuple.tuple("post_tag", "council"));
            assertThat(moved.terms().stream().filter(t -> t.domain().equals("category"))).hasSize(1);
            assertThat(moved.dateGmt()).isEqualTo(facts.moved().publishedAt());
        }

        @Test
        void carries_comments_in_every_status_with_their_threads() {
            List<Wxr.Comment> thread = export.titled("Harbour plan").comments();
            assertThat(thread).extracting(Wxr.Comment::approved).containsExactly("1", "1", "1", "0", "spam", "trash");
            assertThat(thread.get(0).parentId()).isZero();
            assertThat(thread.get(1).parentId()).isEqualTo(thread.get(0).id());
            assertThat(thread.get(2).parentId()).isEqualTo(thread.get(1).id());
            assertThat(thread.get(0).authorEmail()).isEqualTo("rosa@example.net");
            assertThat(thread.get(0).authorUrl()).isEqualTo("https://rosa.example.net");
        }

        @Test
        void carries_pages_with_their_parents_and_menus() {
            Wxr.Item about = export.titled("About us");
            Wxr.Item ethics = export.titled("Ethics policy");
            assertThat(ethics.parentId()).isEqualTo(about.postId());
            assertThat(about.parentId()).isZero();
            assertThat(about.meta(DatelineMeta.MENU)).contains("header");
            assertThat(ethics.meta(DatelineMeta.MENU)).contains("footer");
            assertThat(ethics.link()).isEqualTo(site.baseUrl() + "/about/ethics/");
            assertThat(export.titled("Unfinished page").status()).isEqualTo("draft");
        }

        @Test
        void never_carries_a_password() throws IOException {
            site.wiring().accounts().choosePassword(facts.editor().id(), "correct horse battery staple");
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            site.wiring().exports().writeJson(json);
            assertThat(json.toString(StandardCharsets.UTF_8)).doesNotContain("argon2").doesNotContain("password\" : \"$");
        }
    }

    @Nested
    class The_WXR_file {
        @Test
        void is_well_formed_and_reads_back_with_every_part(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("site.xml");
            try (var out = Files.newOutputStream(file)) {
                site.wiring().exports().writeWxr(out);
            }
            Collected read = new Collected();
            new WxrReader().read(file, read);
            assertThat(read.sites.get(0).version()).isEqualTo("1.2");
            assertThat(read.authors.stream().map(Wxr.Author::login)).isEqualTo(export.authors.stream().map(Wxr.Author::login).toList());
            assertThat(read.terms.stream().map(t -> t.taxonomy() + " " + t.slug()))
                    .isEqualTo(export.terms.stream().map(t -> t.taxonomy() + " " + t.slug()).toList());
            assertThat(read.items.stream().map(i -> i.postType() + " " + i.status() + " " + i.title()))
                    .isEqualTo(export.items.stream().map(i -> i.postType() + " " + i.status() + " " + i.title()).toList());
            assertThat(read.items.stream().mapToInt(i -> i.comments().size()).sum())
                    .isEqualTo(export.items.stream().mapToInt(i -> i.comments().size()).sum()).isPositive();
            Wxr.Item moved = read.titled("Harbour plan");
            assertThat(moved.meta(DatelineMeta.SOURCE)).contains("## What happens\n\nA *vote*.");
            assertThat(moved.meta(DatelineMeta.FORMER_PATH)).contains(facts.movedFrom());
            assertThat(moved.comments()).extracting(Wxr.Comment::approved).containsExactly("1", "1", "1", "0", "spam", "trash");
        }
    }

    @Nested
    class The_JSON_document {
        @Test
        void reads_back_as_the_same_records(@TempDir Path dir) throws IOException {
            Path file = dir.resolve("site.json");
            try (var out = Files.newOutputStream(file)) {
                site.wiring().exports().writeJson(out);
            }
            Collected read = new Collected();
            new DatelineJsonReader().read(file, read);
            assertThat(read.order).isEqualTo(export.order);
            assertThat(read.sites).isEqualTo(export.sites);
            assertThat(read.authors).allSatisfy(a -> assertThat(a.line()).isPositive());
            assertThat(read.authors.stream().map(ExportServiceTest::lineless).toList()).isEqualTo(export.authors);
            assertThat(read.terms.stream().map(ExportServiceTest::lineless).toList()).isEqualTo(export.terms);
            assertThat(read.items.stream().map(ExportServiceTest::lineless).toList()).isEqualTo(export.items);
        }

        @Test
        void begins_with_its_format_and_version() {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            site.wiring().exports().writeJson(json);
            assertThat(json.toString(StandardCharsets.UTF_8).replaceAll("\\s", ""))
                    .startsWith("{\"format\":\"dateline\",\"version\":1,\"site\":{");
        }
    }

    @Nested
    class A_file_that_is_not_one {
        @TempDir
        Path dir;

        @Test
        void of_another_format_is_refused_before_anything_is_read() throws IOException {
            Collected read = new Collected();
            assertThatThrownBy(() -> new DatelineJsonReader().read(file("{\"format\":\"ghost\",\"version\":1,\"items\":[]}"), read))
                    .isInstanceOf(WxrException.class).hasMessageContaining("not a Dateline export");
            assertThat(read.order).isEmpty();
        }

        @Test
        void of_an_unknown_version_is_refused() {
            assertThatThrownBy(() -> new DatelineJsonReader().read(file("{\"format\":\"dateline\",\"version\":7}"), new Collected()))
                    .isInstanceOf(WxrException.class).hasMessageContaining("version 7");
        }

        @Test
        void that_is_cut_short_names_the_line() {
            String text = "{\"format\":\"dateline\",\"version\":1,\n\"items\":[\n{\"postId\":1,\"title\":\"One\"},\n{\"postId\":2,";
            assertThatThrownBy(() -> new DatelineJsonReader().read(file(text), new Collected()))
                    .isInstanceOf(WxrException.class).hasMessageStartingWith("Line 4");
        }

        @Test
        void with_a_date_that_is_not_one_names_the_item_and_line() {
            String text = "{\"format\":\"dateline\",\"version\":1,\n\"items\":[\n{\"postId\":1,\"title\":\"One\",\"dateGmt\":\"yesterday\"}]}";
            assertThatThrownBy(() -> new DatelineJsonReader().read(file(text), new Collected()))
                    .isInstanceOf(WxrException.class).hasMessageContaining("Line 3").hasMessageContaining("'One'")
                    .hasMessageContaining("yesterday");
        }

        @Test
        void that_is_not_json_at_all_says_so() {
            assertThatThrownBy(() -> new DatelineJsonReader().read(file("<?xml version=\"1.0\"?><rss/>"), new Collected()))
                    .isInstanceOf(WxrException.class).hasMessageContaining("not well-formed JSON");
        }

        private Path file(String text) {
            try {
                return Files.writeString(dir.resolve("export.json"), text);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    static Wxr.Author lineless(Wxr.Author a) {
        return new Wxr.Author(a.id(), a.login(), a.email(), a.displayName(), a.firstName(), a.lastName(), a.role(), 0);
    }

    static Wxr.Term lineless(Wxr.Term t) {
        return new Wxr.Term(t.id(), t.taxonomy(), t.slug(), t.name(), t.parentSlug(), t.description(), 0);
    }

    static Wxr.Item lineless(Wxr.Item i) {
        return new Wxr.Item(i.postId(), i.title(), i.link(), i.guid(), i.creator(), i.content(), i.excerpt(), i.dateGmt(),
                i.modifiedGmt(), i.status(), i.postType(), i.postName(), i.parentId(), i.menuOrder(), i.sticky(),
                i.commentStatus(), i.password(), i.attachmentUrl(), i.terms(), i.meta(),
                i.comments().stream().map(c -> new Wxr.Comment(c.id(), c.author(), c.authorEmail(), c.authorUrl(),
                        c.authorIp(), c.dateGmt(), c.content(), c.approved(), c.type(), c.parentId(), c.userId(),
                        c.meta(), 0)).toList(), 0);
    }
}
