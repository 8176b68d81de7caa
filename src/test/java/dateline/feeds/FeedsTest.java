package dateline.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import dateline.accounts.Account;
import dateline.articles.ArticleUpdate;
import dateline.articles.FullArticle;
import dateline.articles.Section;
import dateline.articles.UpdateKind;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.site.DiscoverySettings;
import dateline.site.DiscoverySettings.FeedContent;
import dateline.testing.Http;
import dateline.testing.TestSite;
import dateline.web.HttpCaching;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * The feeds as a feed reader fetches them: parsed back with Rome and checked field by field, in both
 * formats, for every list; with GUIDs that survive updates and moves, conditional GET, and no commenter's
 * email address anywhere.
 */
class FeedsTest {
    private static final Instant FIRST = TestSite.START.minus(Duration.ofDays(3));
    private static final Instant SECOND = TestSite.START.minus(Duration.ofDays(2));
    private static final Instant THIRD = TestSite.START.minus(Duration.ofDays(1));

    private TestSite site;
    private Http http;
    private Account alice;
    private Account bruno;
    private Section world;
    private FullArticle bridge;
    private FullArticle election;
    private FullArticle storm;

    @BeforeEach
    void publishThreeArticles() {
        site = TestSite.serving();
        http = site.http();
        alice = site.anAuthor("Alice Moreau");
        bruno = site.anAuthor("Bruno Keller");
        world = site.wiring().articles().openSection("World", "News from abroad.");
        bridge = site.articles().anArticle().headline("Harbour bridge reopens").by(alice)
                .body("The bridge [reopened](/sections/world/) on Monday.").tagged("Transport").publishedAt(FIRST);
        election = site.articles().anArticle().headline("Election called for June").by(alice, bruno).in(world.id())
                .tagged("Elections", "Politics").standfirst("The vote comes a year early.").publishedAt(SECOND);
        storm = site.articles().anArticle().headline("Storm closes the coast road").by(bruno).in(world.id())
                .publishedAt(THIRD);
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private SyndFeed feed(String path) throws Exception {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertWellFormed(response.body());
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    /** The page a feed follows: its own link in RSS, its alternate link in Atom. */
    static String pageOf(SyndFeed feed) {
        if (feed.getFeedType().startsWith("rss")) return feed.getLink();
        return feed.getLinks().stream().filter(l -> "alternate".equals(l.getRel())).map(l -> l.getHref())
                .findFirst().orElseThrow();
    }

    static void assertWellFormed(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private String url(String path) {
        return site.baseUrl() + path;
    }

    @Nested
    class The_site_feed_in_RSS {
        @Test
        void describes_the_site_and_lists_its_articles_newest_first() throws Exception {
            SyndFeed feed = feed("/feed/");
            assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
            assertThat(feed.getTitle()).isEqualTo(site.wiring().site().settings().title());
            assertThat(feed.getLink()).isEqualTo(url("/"));
            assertThat(feed.getLanguage()).isEqualTo("en");
            assertThat(feed.getPublishedDate()).isEqualTo(Date.from(THIRD));
            assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactly("Storm closes the coast road", "Election called for June", "Harbour bridge reopens");
        }

        @Test
        void gives_each_article_its_link_guid_date_authors_categories_and_summary() throws Exception {
            SyndEntry entry = feed("/feed/").getEntries().get(1);
            assertThat(entry.getLink()).isEqualTo(url(election.article().path()));
            assertThat(entry.getUri()).isEqualTo("tag:localhost," + election.article().createdAt().toString().substring(0, 10)
                    + ":article-" + election.article().id());
            assertThat(entry.getPublishedDate()).isEqualTo(Date.from(SECOND));
            DCModule dublinCore = (DCModule) entry.getModule(DCModule.URI);
            assertThat(dublinCore.getCreators()).containsExactly("Alice Moreau", "Bruno Keller");
            assertThat(entry.getCategories()).extracting(SyndCategory::getName).containsExactly("World", "Elections", "Politics");
            assertThat(entry.getCategories().get(0).getTaxonomyUri()).isEqualTo(url("/sections/world/"));
            assertThat(entry.getDescription().getValue()).isEqualTo("The vote comes a year early.");
        }

        @Test
        void marks_the_guid_as_no_permalink() {
            assertThat(http.get("/feed/").body()).contains("<guid isPermaLink=\"false\">tag:localhost,");
        }

        @Test
        void carries_the_whole_text_with_absolute_links_by_default() throws Exception {
            SyndEntry entry = feed("/feed/").getEntries().get(2);
            assertThat(entry.getContents()).hasSize(1);
            assertThat(entry.getContents().get(0).getValue()).contains("on Monday.")
                    .contains("href=\"" + url("/sections/world/") + "\"");
        }

        @Test
        void carries_only_the_summary_when_the_site_says_so() throws Exception {
            site.wiring().site().saveAll(site.wiring().site().settings(), site.wiring().site().policies(),
                    site.wiring().site().smtp(), site.wiring().site().comments(),
                    new DiscoverySettings(FeedContent.SUMMARY, 20, ""));
            for (String path : List.of("/feed/", "/feed/atom/")) {
                SyndFeed feed = feed(path);
                assertThat(feed.getEntries()).allSatisfy(e -> assertThat(e.getContents()).as(path).isEmpty());
                assertThat(feed.getEntries().get(1).getDescription().getValue()).isEqualTo("The vote comes a year early.");
            }
            assertThat(http.get("/feed/").body()).doesNotContain("content:encoded");
        }

        @Test
        void holds_as_many_articles_as_the_setting_says() throws Exception {
            site.wiring().site().saveAll(site.wiring().site().settings(), site.wiring().site().policies(),
                    site.wiring().site().smtp(), site.wiring().site().comments(),
                    new DiscoverySettings(FeedContent.FULL, 2, ""));
            assertThat(feed("/feed/").getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactly("Storm closes the coast road", "Election called for June");
        }
    }

    @Nested
    class The_site_feed_in_Atom {
        @Test
        void names_itself_and_the_page_it_follows() throws Exception {
            SyndFeed feed = feed("/feed/atom/");
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getUri()).isEqualTo(url("/feed/atom/"));
            assertThat(pageOf(feed)).isEqualTo(url("/"));
            assertThat(feed.getLinks()).anySatisfy(l -> {
                assertThat(l.getRel()).isEqualTo("self");
                assertThat(l.getHref()).isEqualTo(url("/feed/atom/"));
            });
            assertThat(feed.getPublishedDate()).isEqualTo(Date.from(THIRD));
        }

        @Test
        void gives_each_article_its_id_dates_and_authors_with_their_pages() throws Exception {
            SyndEntry entry = feed("/feed/atom/").getEntries().get(1);
            assertThat(entry.getUri()).endsWith(":article-" + election.article().id()).startsWith("tag:localhost,");
            assertThat(entry.getLink()).isEqualTo(url(election.article().path()));
            assertThat(entry.getPublishedDate()).isEqualTo(Date.from(SECOND));
            assertThat(entry.getUpdatedDate()).isEqualTo(Date.from(SECOND));
            assertThat(entry.getAuthors()).extracting(SyndPerson::getName, SyndPerson::getUri, SyndPerson::getEmail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Alice Moreau", url("/authors/alice-moreau/"), null),
                            org.assertj.core.groups.Tuple.tuple("Bruno Keller", url("/authors/bruno-keller/"), null));
            assertThat(entry.getDescription().getValue()).isEqualTo("The vote comes a year early.");
            assertThat(entry.getContents().get(0).getValue()).contains("<p>Traffic was light.</p>");
        }

        @Test
        void shows_a_significant_update_as_updated_without_changing_the_id() throws Exception {
            String before = feed("/feed/atom/").getEntries().get(1).getUri();
            Instant corrected = TestSite.START.minus(Duration.ofHours(2));
            site.wiring().articles().recordUpdate(election.article().id(),
                    new ArticleUpdate(UpdateKind.CORRECTION, "The vote is in June, not July.", corrected));
            SyndEntry entry = feed("/feed/atom/").getEntries().get(1);
            assertThat(entry.getUri()).isEqualTo(before);
            assertThat(entry.getPublishedDate()).isEqualTo(Date.from(SECOND));
            assertThat(entry.getUpdatedDate()).isEqualTo(Date.from(corrected));
        }
    }

    @Test
    void an_article_that_moves_keeps_its_guid_in_both_formats() throws Exception {
        String rss = feed("/feed/").getEntries().get(2).getUri();
        String atom = feed("/feed/atom/").getEntries().get(2).getUri();
        site.wiring().articles().changeSlug(bridge.article().id(), "harbour-bridge-open-again");
        SyndEntry movedRss = feed("/feed/").getEntries().get(2);
        assertThat(movedRss.getLink()).endsWith("/harbour-bridge-open-again/");
        assertThat(movedRss.getUri()).isEqualTo(rss).isEqualTo(atom);
        assertThat(feed("/feed/atom/").getEntries().get(2).getUri()).isEqualTo(atom);
    }

    @Nested
    class Each_list_has_its_feeds {
        @Test
        void a_section_lists_its_own_articles() throws Exception {
            for (String path : List.of("/sections/world/feed/", "/sections/world/feed/atom/")) {
                SyndFeed feed = feed(path);
                assertThat(feed.getTitle()).as(path).startsWith("World – ");
                assertThat(pageOf(feed)).isEqualTo(url("/sections/world/"));
                assertThat(feed.getDescription()).isEqualTo("News from abroad.");
                assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                        .containsExactly("Storm closes the coast road", "Election called for June");
            }
        }

        @Test
        void a_tag_lists_its_own_articles() throws Exception {
            for (String path : List.of("/tags/transport/feed/", "/tags/transport/feed/atom/")) {
                assertThat(feed(path).getEntries()).extracting(SyndEntry::getTitle).containsExactly("Harbour bridge reopens");
            }
        }

        @Test
        void an_author_lists_the_articles_they_are_credited_on() throws Exception {
            for (String path : List.of("/authors/bruno-keller/feed/", "/authors/bruno-keller/feed/atom/")) {
                assertThat(feed(path).getEntries()).extracting(SyndEntry::getTitle)
                        .containsExactly("Storm closes the coast road", "Election called for June");
            }
        }

        @Test
        void what_does_not_exist_has_no_feed() {
            site.anAuthor("Nobody Yet");
            for (String path : List.of("/sections/sport/feed/", "/sections/sport/feed/atom/", "/tags/nothing/feed/",
                    "/tags/nothing/feed/atom/", "/authors/nobody-yet/feed/", "/authors/nobody-yet/feed/atom/",
                    "/authors/ghost/feed/", "/2024/06/19/no-such-article/feed/", "/2024/06/19/no-such-article/feed/atom/",
                    "/abcd/06/19/storm/feed/atom/")) {
                assertThat(http.get(path).statusCode()).as(path).isEqualTo(404);
            }
        }

        @Test
        void every_feed_says_what_it_is() {
            for (String path : List.of("/feed/", "/sections/world/feed/", "/tags/transport/feed/",
                    "/authors/alice-moreau/feed/", "/comments/feed/", bridge.article().path() + "feed/")) {
                assertThat(http.get(path).headers().firstValue("content-type")).as(path)
                        .hasValue("application/rss+xml; charset=utf-8");
                assertThat(http.get(path.replace("feed/", "feed/atom/")).headers().firstValue("content-type")).as(path)
                        .hasValue("application/atom+xml; charset=utf-8");
            }
        }
    }

    @Nested
    class Comment_feeds {
        @BeforeEach
        void discuss() {
            site.wiring().comments().importThreads(List.of(new CommentService.ImportedThread(storm.article().id(), List.of(
                    new CommentService.Imported(-1, "Ana Lima", "ana@example.org", "", "The road was *flooded*.",
                            THIRD.plus(Duration.ofHours(1)), CommentStatus.APPROVED),
                    new CommentService.Imported(0, "Bea Costa", "bea@example.org", "", "Still closed today.",
                            THIRD.plus(Duration.ofHours(2)), CommentStatus.APPROVED),
                    new CommentService.Imported(-1, "Carl Spam", "carl@example.org", "", "Cheap pills",
                            THIRD.plus(Duration.ofHours(3)), CommentStatus.SPAM),
                    new CommentService.Imported(-1, "Dee Wait", "dee@example.org", "", "Waiting words",
                            THIRD.plus(Duration.ofHours(4)), CommentStatus.PENDING)))));
        }

        @Test
        void carry_approved_comments_newest_first_by_name_with_stable_ids_in_both_formats() throws Exception {
            for (String path : List.of("/comments/feed/", "/comments/feed/atom/", storm.article().path() + "feed/",
                    storm.article().path() + "feed/atom/")) {
                SyndFeed feed = feed(path);
                assertThat(feed.getEntries()).as(path).extracting(SyndEntry::getTitle).containsExactly(
                        "By Bea Costa on “Storm closes the coast road”", "By Ana Lima on “Storm closes the coast road”");
                SyndEntry newest = feed.getEntries().get(0);
                assertThat(newest.getLink()).startsWith(url(storm.article().path() + "#comment-"));
                assertThat(newest.getUri()).startsWith("tag:localhost,").contains(":comment-");
                assertThat(newest.getPublishedDate()).isEqualTo(Date.from(THIRD.plus(Duration.ofHours(2))));
                assertThat(newest.getAuthor()).isEqualTo("Bea Costa");
            }
        }

        @Test
        void an_article_comment_feed_follows_its_article() throws Exception {
            SyndFeed feed = feed(storm.article().path() + "feed/atom/");
            assertThat(pageOf(feed)).isEqualTo(url(storm.article().path()));
            assertThat(feed.getUri()).isEqualTo(url(storm.article().path() + "feed/atom/"));
            assertThat(feed(bridge.article().path() + "feed/atom/").getEntries()).isEmpty();
        }

        @Test
        void no_feed_shows_a_commenters_email_address() {
            for (String path : List.of("/feed/", "/feed/atom/", "/comments/feed/", "/comments/feed/atom/",
                    storm.article().path() + "feed/", storm.article().path() + "feed/atom/", "/sections/world/feed/",
                    "/sections/world/feed/atom/", "/authors/bruno-keller/feed/", "/authors/bruno-keller/feed/atom/",
                    "/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/authors-1.xml", "/news-sitemap.xml")) {
                String body = http.get(path).body();
                assertThat(body).as(path).doesNotContain("@example.org").doesNotContain("Waiting words", "Cheap pills");
            }
        }
    }

    @Nested
    class Conditional_get {
        @Test
        void every_feed_answers_a_matching_etag_with_not_modified() {
            for (String path : List.of("/feed/", "/feed/atom/", "/sections/world/feed/", "/tags/transport/feed/atom/",
                    "/authors/alice-moreau/feed/", "/comments/feed/", "/comments/feed/atom/",
                    storm.article().path() + "feed/", "/sitemap.xml", "/sitemaps/articles-1.xml", "/news-sitemap.xml",
                    "/robots.txt")) {
                HttpResponse<String> first = http.get(path);
                String etag = first.headers().firstValue("etag").orElseThrow();
                HttpResponse<String> again = http.get(path, "If-None-Match", etag);
                assertThat(again.statusCode()).as(path).isEqualTo(304);
                assertThat(again.body()).isEmpty();
            }
        }

        @Test
        void a_feed_is_last_modified_at_its_newest_substantive_change() {
            HttpResponse<String> feed = http.get("/feed/atom/");
            assertThat(feed.headers().firstValue("last-modified")).hasValue(HttpCaching.httpDate(THIRD));
            assertThat(http.get("/feed/atom/", "If-Modified-Since", HttpCaching.httpDate(THIRD)).statusCode()).isEqualTo(304);
            assertThat(http.get("/feed/atom/", "If-Modified-Since", HttpCaching.httpDate(SECOND)).statusCode()).isEqualTo(200);
        }

        @Test
        void a_changed_feed_is_sent_again() {
            String etag = http.get("/feed/").headers().firstValue("etag").orElseThrow();
            site.articles().anArticle().headline("Ferry strike ends").by(alice).publishedAt(TestSite.START);
            HttpResponse<String> again = http.get("/feed/", "If-None-Match", etag);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("Ferry strike ends");
        }
    }

    @Nested
    class Autodiscovery {
        private List<String> alternates(String path) {
            Matcher m = Pattern.compile("<link rel=\"alternate\" type=\"([^\"]+)\" title=\"[^\"]*\" href=\"([^\"]+)\">")
                    .matcher(http.get(path).body());
            List<String> found = new java.util.ArrayList<>();
            while (m.find()) found.add(m.group(1) + " " + m.group(2));
            return found;
        }

        @Test
        void every_page_names_the_site_feeds() {
            for (String path : List.of("/", "/sections/world/", storm.article().path(), "/corrections/")) {
                assertThat(alternates(path)).as(path).contains("application/rss+xml /feed/", "application/atom+xml /feed/atom/",
                        "application/rss+xml /comments/feed/");
            }
        }

        @Test
        void a_list_or_article_names_its_own_feeds_first() {
            assertThat(alternates("/sections/world/")).startsWith("application/rss+xml /sections/world/feed/",
                    "application/atom+xml /sections/world/feed/atom/");
            assertThat(alternates("/tags/transport/")).startsWith("application/rss+xml /tags/transport/feed/");
            assertThat(alternates("/authors/alice-moreau/")).startsWith("application/rss+xml /authors/alice-moreau/feed/");
            assertThat(alternates(storm.article().path())).startsWith("application/rss+xml " + storm.article().path() + "feed/",
                    "application/atom+xml " + storm.article().path() + "feed/atom/");
        }

        @Test
        void every_named_feed_answers() {
            for (String page : List.of("/", "/sections/world/", "/tags/transport/", "/authors/alice-moreau/",
                    storm.article().path())) {
                for (String alternate : alternates(page)) {
                    String path = alternate.substring(alternate.indexOf(' ') + 1);
                    assertThat(http.get(path).statusCode()).as(page + " → " + path).isEqualTo(200);
                }
            }
        }
    }
}
