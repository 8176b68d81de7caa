package dateline.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.articles.Byline;
import dateline.articles.FullArticle;
import dateline.articles.Section;
import dateline.articles.Tag;
import dateline.comments.Comment;
import dateline.pages.Page;
import dateline.testing.TestSite;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Moving a whole site out and in again: a demonstration site with one of everything is exported in each
 * format and imported into an empty site, which then has the same articles, pages, sections, tags,
 * comments and old addresses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripTest {
    private TestSite source;
    private MovingSites.Furnished facts;
    private Path folder;

    @BeforeAll
    void furnish() throws IOException {
        source = TestSite.services();
        facts = MovingSites.furnish(source, 20);
        folder = Files.createTempDirectory("dateline-round-trip-");
    }

    @AfterAll
    void close() throws IOException {
        source.close();
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(folder);
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"wxr", "json"})
    void an_exported_site_imports_into_an_empty_one_as_it_was(String format) throws IOException {
        Path file = folder.resolve("site." + format);
        BiConsumer<ExportService, OutputStream> write = format.equals("wxr") ? ExportService::writeWxr : ExportService::writeJson;
        try (OutputStream out = Files.newOutputStream(file)) {
            write.accept(source.wiring().exports(), out);
        }
        try (TestSite target = TestSite.serving()) {
            ImportReport report = target.wiring().imports().run(file,
                    format.equals("wxr") ? new WxrReader() : new DatelineJsonReader(),
                    new ImportOptions(Optional.empty(), false), ImportProgress.NONE);
            assertThat(report.dryRun()).isFalse();
            assertThat(report.text()).contains("Ada Editor was an administrator; the account is an Editor");

            assertThat(sections(target)).isEqualTo(sections(source));
            assertThat(tags(target)).isEqualTo(tags(source));
            Map<String, FullArticle> imported = bySlug(target);
            Map<String, FullArticle> exported = bySlug(source);
            assertThat(imported.keySet()).isEqualTo(exported.keySet());
            exported.forEach((slug, was) -> {
                FullArticle now = imported.get(slug);
                var a = was.article();
                var b = now.article();
                assertThat(b.headline()).as(slug).isEqualTo(a.headline());
                assertThat(b.path()).as(slug).isEqualTo(a.path());
                assertThat(b.status()).as(slug).isEqualTo(a.status());
                assertThat(b.standfirst()).as(slug).isEqualTo(a.standfirst());
                assertThat(b.bodyFormat()).as(slug).isEqualTo(a.bodyFormat());
                assertThat(b.bodyHtml()).as(slug).isEqualTo(a.bodyHtml());
                assertThat(seconds(b.publishedAt())).as(slug).isEqualTo(seconds(a.publishedAt()));
                if (format.equals("json")) assertThat(b.publishedAt()).as(slug).isEqualTo(a.publishedAt());
                assertThat(b.type()).as(slug).isEqualTo(a.type());
                assertThat(names(now.bylines())).as(slug).isEqualTo(names(was.bylines()));
                assertThat(now.section().map(Section::slug)).as(slug).isEqualTo(was.section().map(Section::slug));
                assertThat(now.tags().stream().map(Tag::slug).sorted().toList()).as(slug)
                        .isEqualTo(was.tags().stream().map(Tag::slug).sorted().toList());
                assertThat(thread(target, b.id())).as(slug).isEqualTo(thread(source, a.id()));
            });
            assertThat(imported.get(facts.retracted().slug()).article().retractionNote())
                    .isEqualTo("The source withdrew the claim.");

            assertThat(pages(target)).isEqualTo(pages(source));
            assertThat(pins(target)).isEqualTo(pins(source)).hasSize(2);
            if (format.equals("json")) assertThat(pinMoments(target)).isEqualTo(pinMoments(source));
            assertThat(menus(target)).isEqualTo(menus(source));
            assertThat(menus(target)).anyMatch(m -> m.contains("section")).anyMatch(m -> m.contains(MovingSites.SOCIAL_URL));
            assertThat(roles(target)).containsAllEntriesOf(Map.of("Dev Desk", "EDITOR", "Cora Contributor", "CONTRIBUTOR",
                    "Ada Editor", "EDITOR"));

            HttpResponse<String> moved = target.http().get(facts.movedFrom());
            assertThat(moved.statusCode()).isEqualTo(301);
            assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith(facts.moved().path());
            assertThat(target.http().get(facts.moved().path()).body()).contains("And a reply to Ben.")
                    .doesNotContain("rosa@example.net");
        }
    }

    /** The pinned articles' slugs, the newest pin first. */
    private static List<String> pins(TestSite site) {
        return bySlug(site).values().stream().filter(f -> f.article().pinned())
                .sorted(java.util.Comparator.comparing((FullArticle f) -> f.article().pinnedAt()).reversed())
                .map(f -> f.article().slug()).toList();
    }

    private static Map<String, Instant> pinMoments(TestSite site) {
        Map<String, Instant> moments = new HashMap<>();
        bySlug(site).values().stream().filter(f -> f.article().pinned())
                .forEach(f -> moments.put(f.article().slug(), f.article().pinnedAt()));
        return moments;
    }

    /** Each menu's entries in order: what each names, not its id. */
    private static List<String> menus(TestSite site) {
        Map<Long, String> sections = new HashMap<>();
        site.wiring().articles().sections().forEach(s -> sections.put(s.id(), s.slug()));
        return site.wiring().pages().menuItems().stream().map(m -> m.menu() + " " + (m.isPage() ? "page " + m.pagePath()
                : m.isSection() ? "section " + sections.get(m.sectionId()) : "link " + m.url() + " " + m.label())).toList();
    }

    /** Each account's role, by name. */
    private static Map<String, String> roles(TestSite site) {
        Map<String, String> roles = new HashMap<>();
        site.wiring().accounts().all().forEach(a -> roles.put(a.name(), a.role().name()));
        return roles;
    }

    /** WXR gives moments to the second, as WordPress keeps them. */
    private static Instant seconds(Instant moment) {
        return moment == null ? null : moment.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Map<String, FullArticle> bySlug(TestSite site) {
        Map<String, FullArticle> all = new HashMap<>();
        long after = 0;
        while (true) {
            List<FullArticle> batch = site.wiring().articles().everyAfter(after, 100);
            if (batch.isEmpty()) return all;
            batch.forEach(f -> all.put(f.article().slug(), f));
            after = batch.get(batch.size() - 1).article().id();
        }
    }

    private static List<String> names(List<Byline> bylines) {
        return bylines.stream().map(Byline::name).toList();
    }

    private static List<String> sections(TestSite site) {
        return site.wiring().articles().sections().stream().map(s -> s.slug() + " " + s.name()).sorted().toList();
    }

    private static List<String> tags(TestSite site) {
        return site.wiring().articles().tags().stream().map(t -> t.slug() + " " + t.name()).sorted().toList();
    }

    /** Each comment as its author, status, text, date and the comment it answers. */
    private static List<String> thread(TestSite site, long articleId) {
        List<Comment> all = site.wiring().comments().everyOn(articleId);
        Map<Long, Comment> byId = new HashMap<>();
        all.forEach(c -> byId.put(c.id(), c));
        List<String> described = new ArrayList<>();
        for (Comment c : all) {
            Comment parent = c.parentId() == null ? null : byId.get(c.parentId());
            described.add(c.authorName() + " | " + c.status() + " | " + c.body() + " | " + seconds(c.createdAt()) + " | answers "
                    + (parent == null ? "-" : parent.authorName() + ": " + parent.body()));
        }
        return described;
    }

    /** Each page as its path, title, status, parent's path and body. */
    private static List<String> pages(TestSite site) {
        List<Page> all = site.wiring().pages().all();
        Map<Long, Page> byId = new HashMap<>();
        all.forEach(p -> byId.put(p.id(), p));
        return all.stream().map(p -> p.path() + " | " + p.title() + " | " + p.status() + " | under "
                + (p.parentId() == null ? "-" : byId.get(p.parentId()).path()) + " | " + p.bodyHtml()).sorted().toList();
    }
}
