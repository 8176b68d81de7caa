package dateline.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.articles.ArticleUpdate;
import dateline.articles.FullArticle;
import dateline.articles.PublicAddress;
import dateline.articles.Section;
import dateline.articles.UpdateKind;
import dateline.testing.TestSite;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The sitemaps with limits small enough to reach: every public page listed exactly once across the files,
 * no file over its limit, lastmod from significant updates only, and the news sitemap's 48-hour window
 * and limit with a fixed clock. Namespaces are checked on the parsed documents.
 */
class SitemapsTest {
    private static final String SITEMAP = Sitemaps.SITEMAP_NS;
    private static final String NEWS = Sitemaps.NEWS_NS;

    private TestSite site;
    private Account alice;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        alice = site.anAuthor("Alice Moreau");
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private Sitemaps sitemaps(int perFile, int newsLimit) {
        return new Sitemaps(site.wiring().articles(), site.baseUrl(), site.clock(), perFile, newsLimit);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<String> texts(Document document, String namespace, String name) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) texts.add(nodes.item(i).getTextContent());
        return texts;
    }

    /** Every address listed in the files the index names, file by file. */
    private List<List<String>> walk(Sitemaps sitemaps, String kind) throws Exception {
        Document index = parse(sitemaps.index().xml());
        assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        List<List<String>> files = new ArrayList<>();
        for (String loc : texts(index, SITEMAP, "loc")) {
            String name = loc.substring(loc.lastIndexOf('/') + 1);
            if (!name.startsWith(kind + "-")) continue;
            Sitemaps.File file = Sitemaps.File.named(name).orElseThrow();
            assertThat(site.baseUrl() + file.path()).isEqualTo(loc);
            Document urlset = parse(sitemaps.file(file).orElseThrow().xml());
            assertThat(urlset.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
            assertThat(urlset.getDocumentElement().getLocalName()).isEqualTo("urlset");
            files.add(texts(urlset, SITEMAP, "loc"));
        }
        return files;
    }

    private FullArticle publish(String headline, Instant at) {
        return site.articles().anArticle().headline(headline).by(alice).publishedAt(at);
    }

    @Nested
    class The_sitemap_index {
        @Test
        void walks_every_published_article_exactly_once_with_no_file_over_its_limit() throws Exception {
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 11; i++) {
                FullArticle published = publish("Published story " + i, TestSite.START.minus(Duration.ofDays(30 - i)));
                expected.add(site.baseUrl() + published.article().path());
                if (i % 3 == 0) site.articles().anArticle().headline("Draft " + i).by(alice).written();
            }
            List<List<String>> files = walk(sitemaps(3, 1000), "articles");
            List<String> all = files.stream().flatMap(List::stream).toList();
            assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
            assertThat(files).allSatisfy(f -> assertThat(f).hasSizeBetween(1, 3));
            assertThat(files.size()).isGreaterThanOrEqualTo(4);
        }

        @Test
        void leaves_out_drafts_scheduled_and_retracted_articles() throws Exception {
            FullArticle kept = publish("Kept", TestSite.START.minus(Duration.ofDays(2)));
            FullArticle retracted = publish("Retracted", TestSite.START.minus(Duration.ofDays(1)));
            Account editor = site.wiring().accounts().open(new dateline.accounts.NewAccount("ed@example.org", "Ed Itor",
                    dateline.accounts.Role.EDITOR, null));
            site.wiring().articles().retract(retracted.article().id(), "It was wrong.", editor);
            var scheduled = site.articles().anArticle().headline("Later").by(alice).written();
            site.wiring().articles().publish(scheduled.id(), TestSite.START.plus(Duration.ofDays(1)), editor);
            assertThat(walk(sitemaps(50_000, 1000), "articles").stream().flatMap(List::stream).toList())
                    .containsExactly(site.baseUrl() + kept.article().path());
        }

        @Test
        void dates_each_article_by_its_last_significant_update_and_each_file_by_its_newest() throws Exception {
            FullArticle old = publish("Old", Instant.parse("2024-05-01T08:00:00Z"));
            publish("Newer", Instant.parse("2024-05-02T08:00:00Z"));
            site.wiring().articles().recordUpdate(old.article().id(),
                    new ArticleUpdate(UpdateKind.UPDATE, "New figures.", Instant.parse("2024-05-03T09:30:00Z")));
            Sitemaps sitemaps = sitemaps(50_000, 1000);
            Document file = parse(sitemaps.file(new Sitemaps.File(PublicAddress.Kind.ARTICLES, 1)).orElseThrow().xml());
            assertThat(texts(file, SITEMAP, "lastmod")).containsExactly("2024-05-03T09:30:00Z", "2024-05-02T08:00:00Z");
            Document index = parse(sitemaps.index().xml());
            assertThat(texts(index, SITEMAP, "lastmod").get(0)).isEqualTo("2024-05-03T09:30:00Z");
        }

        @Test
        void lists_sections_tags_and_authors_that_have_published_articles() throws Exception {
            Section world = site.wiring().articles().openSection("World", "");
            site.wiring().articles().openSection("Empty", "");
            site.articles().anArticle().by(alice).in(world.id()).tagged("Ports", "Trade").publishedAt(TestSite.START);
            Account drafter = site.anAuthor("Dora Draft");
            site.articles().anArticle().by(drafter).tagged("Secret").written();
            Sitemaps sitemaps = sitemaps(1, 1000);
            assertThat(flat(walk(sitemaps, "sections"))).containsExactly(site.baseUrl() + "/sections/world/");
            assertThat(flat(walk(sitemaps, "tags"))).containsExactly(site.baseUrl() + "/tags/ports/", site.baseUrl() + "/tags/trade/");
            assertThat(walk(sitemaps, "tags")).hasSize(2);
            assertThat(flat(walk(sitemaps, "authors"))).containsExactly(site.baseUrl() + "/authors/alice-moreau/");
        }

        @Test
        void a_file_beyond_the_published_ranges_does_not_exist() {
            publish("Only", TestSite.START);
            Sitemaps sitemaps = sitemaps(2, 1000);
            assertThat(sitemaps.file(new Sitemaps.File(PublicAddress.Kind.ARTICLES, 9))).isEmpty();
            assertThat(Sitemaps.File.named("articles-0.xml")).isEmpty();
            assertThat(Sitemaps.File.named("comments-1.xml")).isEmpty();
            assertThat(Sitemaps.File.named("articles-1.xml")).hasValue(new Sitemaps.File(PublicAddress.Kind.ARTICLES, 1));
        }

        @Test
        void never_holds_more_than_the_protocol_allows() {
            assertThatThrownBy(() -> sitemaps(50_001, 1000)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sitemaps(10, 1001)).isInstanceOf(IllegalArgumentException.class);
        }

        private static List<String> flat(List<List<String>> files) {
            return files.stream().flatMap(List::stream).toList();
        }
    }

    @Nested
    class The_news_sitemap {
        @Test
        void lists_what_was_published_in_the_last_48_hours_newest_first() throws Exception {
            Instant now = TestSite.START;
            publish("Two days and a minute ago", now.minus(Duration.ofHours(48)).minus(Duration.ofMinutes(1)));
            FullArticle older = publish("Forty-seven hours ago", now.minus(Duration.ofHours(47)));
            FullArticle newer = publish("An hour ago", now.minus(Duration.ofHours(1)));
            Document news = parse(sitemaps(50_000, 1000).news(site.wiring().site().settings()).xml());
            assertThat(news.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP);
            assertThat(texts(news, SITEMAP, "loc")).containsExactly(site.baseUrl() + newer.article().path(),
                    site.baseUrl() + older.article().path());
            assertThat(texts(news, NEWS, "title")).containsExactly("An hour ago", "Forty-seven hours ago");
            assertThat(texts(news, NEWS, "publication_date")).containsExactly("2024-06-20T06:38:00Z", "2024-06-18T08:38:00Z");
            assertThat(texts(news, NEWS, "name")).containsOnly(site.wiring().site().settings().title()).hasSize(2);
            assertThat(texts(news, NEWS, "language")).containsOnly("en");
            Element first = (Element) news.getElementsByTagNameNS(NEWS, "news").item(0);
            assertThat(first.getElementsByTagNameNS(NEWS, "publication").getLength()).isEqualTo(1);
        }

        @Test
        void drops_an_article_once_the_clock_passes_its_48_hours() throws Exception {
            publish("Yesterday", TestSite.START.minus(Duration.ofHours(24)));
            Sitemaps sitemaps = sitemaps(50_000, 1000);
            assertThat(texts(parse(sitemaps.news(site.wiring().site().settings()).xml()), NEWS, "title")).hasSize(1);
            site.clock().advance(Duration.ofHours(24).plusSeconds(1));
            assertThat(texts(parse(sitemaps.news(site.wiring().site().settings()).xml()), NEWS, "title")).isEmpty();
        }

        @Test
        void holds_no_more_than_its_limit_keeping_the_newest() throws Exception {
            for (int i = 0; i < 5; i++) publish("Story " + i, TestSite.START.minus(Duration.ofHours(10 - i)));
            assertThat(texts(parse(sitemaps(50_000, 3).news(site.wiring().site().settings()).xml()), NEWS, "title"))
                    .containsExactly("Story 4", "Story 3", "Story 2");
        }
    }

    @Nested
    class Served {
        private TestSite served;

        @BeforeEach
        void serve() {
            served = TestSite.serving();
            served.articles().anArticle().by(served.anAuthor("Bruno Keller")).tagged("Ports").publishedAt(TestSite.START);
        }

        @AfterEach
        void stop() {
            served.close();
        }

        @Test
        void robots_txt_names_both_sitemaps_and_keeps_crawlers_out_of_the_newsroom() {
            HttpResponse<String> robots = served.http().get("/robots.txt");
            assertThat(robots.statusCode()).isEqualTo(200);
            assertThat(robots.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
            assertThat(robots.body().lines().toList()).contains("User-agent: *", "Disallow: /admin",
                    "Sitemap: " + served.baseUrl() + "/sitemap.xml", "Sitemap: " + served.baseUrl() + "/news-sitemap.xml");
        }

        @Test
        void every_sitemap_the_index_names_is_served_as_xml() throws Exception {
            HttpResponse<String> index = served.http().get("/sitemap.xml");
            assertThat(index.headers().firstValue("content-type")).hasValue("application/xml; charset=utf-8");
            List<String> locs = texts(parse(index.body()), SITEMAP, "loc");
            assertThat(locs).hasSize(3);
            for (String loc : locs) {
                HttpResponse<String> file = served.http().get(loc.substring(served.baseUrl().length()));
                assertThat(file.statusCode()).as(loc).isEqualTo(200);
                assertThat(texts(parse(file.body()), SITEMAP, "url")).as(loc).hasSize(1);
            }
            assertThat(served.http().get("/news-sitemap.xml").statusCode()).isEqualTo(200);
        }

        @Test
        void a_sitemap_that_does_not_exist_is_not_found() {
            for (String path : List.of("/sitemaps/articles-2.xml", "/sitemaps/articles-0.xml", "/sitemaps/pages-1.xml",
                    "/sitemaps/articles-1.txt", "/sitemaps/articles-99999999999.xml", "/sitemaps/..%2Fsitemap.xml")) {
                assertThat(served.http().get(path).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @Test
    void the_files_and_their_ranges_are_what_the_repository_reports() {
        for (int i = 0; i < 5; i++) publish("Story " + i, TestSite.START.minus(Duration.ofHours(i)));
        Map<Integer, Instant> ranges = site.wiring().articles().addressRanges(PublicAddress.Kind.ARTICLES, 2);
        assertThat(ranges.keySet()).containsExactly(1, 2, 3);
        List<Long> ids = new ArrayList<>();
        site.wiring().articles().eachAddress(PublicAddress.Kind.ARTICLES, 2, 2, a -> ids.add(a.id()));
        assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).isBetween(3L, 4L));
        assertThat(Optional.ofNullable(ranges.get(1))).isPresent();
    }
}
