package dateline.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.testing.Http;
import dateline.testing.TestSite;
import dateline.web.InvalidInput;
import dateline.web.NotAllowed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Articles pinned to the front page: who may pin them, and how the front page shows them above the latest
 * articles on its first page only, while every other list and page goes by date alone.
 */
class PinnedArticlesTest {
    /** Ten to a page, by the default settings: fourteen articles make two pages. */
    private static final int ARTICLES = 14;

    private TestSite site;
    private Http http;
    private ArticleService articles;
    private Account editor;
    private Account author;
    /** Published an hour apart, oldest first: "Story 1" … "Story 14". */
    private final List<Article> stories = new ArrayList<>();

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        articles = site.wiring().articles();
        author = site.anAuthor("Alice Moreau");
        editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        for (int i = 1; i <= ARTICLES; i++) {
            stories.add(site.articles().anArticle().headline("Story " + i).by(author)
                    .publishedAt(TestSite.START.plus(Duration.ofHours(i))).article());
        }
        site.clock().advance(Duration.ofDays(1));
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private Article story(int number) {
        return stories.get(number - 1);
    }

    private static List<String> headlines(Document page) {
        return page.select("ol.cards > li .card-headline").eachText();
    }

    private static List<String> pinnedHeadlines(Document page) {
        List<String> pinned = new ArrayList<>();
        for (Element item : page.select("ol.cards > li.pinned")) {
            assertThat(item.select(".pinned-label").text()).isEqualTo("Pinned");
            pinned.add(item.select(".card-headline").text());
        }
        return pinned;
    }

    private Document front() {
        return Jsoup.parse(http.get("/").body());
    }

    @Nested
    class Who_may_pin {
        @Test
        void an_editor_pins_and_unpins_an_article_without_it_counting_as_an_edit() {
            int version = story(3).version();
            Article pinned = articles.pin(story(3).id(), editor);
            assertThat(pinned.pinned()).isTrue();
            assertThat(pinned.pinnedAt()).isEqualTo(site.clock().instant());
            assertThat(pinned.version()).isEqualTo(version);
            assertThat(articles.pinned()).extracting(ArticleSummary::headline).containsExactly("Story 3");

            Article unpinned = articles.unpin(story(3).id(), editor);
            assertThat(unpinned.pinned()).isFalse();
            assertThat(unpinned.version()).isEqualTo(version);
            assertThat(articles.pinned()).isEmpty();
        }

        @Test
        void an_administrator_may_pin() {
            Account admin = site.wiring().accounts().open(new NewAccount("admin@example.org", "Ada Min", Role.ADMINISTRATOR, null));
            assertThat(articles.pin(story(1).id(), admin).pinned()).isTrue();
        }

        @Test
        void an_author_may_not_pin_even_their_own_article_nor_a_contributor() {
            Account contributor = site.wiring().accounts().open(
                    new NewAccount("con@example.org", "Con Tributor", Role.CONTRIBUTOR, null));
            assertThatThrownBy(() -> articles.pin(story(1).id(), author)).isInstanceOf(NotAllowed.class);
            assertThatThrownBy(() -> articles.pin(story(1).id(), contributor)).isInstanceOf(NotAllowed.class);
            articles.pin(story(1).id(), editor);
            assertThatThrownBy(() -> articles.unpin(story(1).id(), author)).isInstanceOf(NotAllowed.class);
            assertThat(articles.pinned()).extracting(ArticleSummary::headline).containsExactly("Story 1");
        }

        @Test
        void a_retracted_article_cannot_be_pinned() {
            articles.retract(story(2).id(), "The report was wrong.", editor);
            assertThatThrownBy(() -> articles.pin(story(2).id(), editor))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("pinned"));
        }
    }

    @Nested
    class The_front_page {
        @Test
        void shows_a_pinned_article_first_with_its_label_and_not_again_below() {
            articles.pin(story(9).id(), editor);
            Document page = front();
            assertThat(pinnedHeadlines(page)).containsExactly("Story 9");
            List<String> shown = headlines(page);
            assertThat(shown.get(0)).isEqualTo("Story 9");
            assertThat(shown).containsOnlyOnce("Story 9");
            assertThat(shown.subList(1, shown.size())).containsExactly("Story 14", "Story 13", "Story 12", "Story 11",
                    "Story 10", "Story 8", "Story 7", "Story 6", "Story 5");
        }

        @Test
        void shows_an_old_pinned_article_above_the_latest_ones() {
            articles.pin(story(1).id(), editor);
            List<String> shown = headlines(front());
            assertThat(shown.get(0)).isEqualTo("Story 1");
            assertThat(shown).hasSize(11).containsOnlyOnce("Story 1");
        }

        @Test
        void shows_the_newest_pin_first_and_no_more_than_five() {
            for (int number : new int[] {2, 4, 6, 8, 10, 12}) {
                articles.pin(story(number).id(), editor);
                site.clock().advance(Duration.ofMinutes(1));
            }
            assertThat(pinnedHeadlines(front()))
                    .containsExactly("Story 12", "Story 10", "Story 8", "Story 6", "Story 4");

            articles.unpin(story(10).id(), editor);
            assertThat(pinnedHeadlines(front()))
                    .containsExactly("Story 12", "Story 8", "Story 6", "Story 4", "Story 2");
        }

        @Test
        void leaves_out_a_pinned_article_that_is_retracted_or_not_yet_published() {
            Article draft = site.articles().anArticle().headline("A draft nobody may read").by(author).written();
            articles.pin(draft.id(), editor);
            articles.pin(story(5).id(), editor);
            articles.retract(story(5).id(), "The report was wrong.", editor);
            Document page = front();
            assertThat(pinnedHeadlines(page)).isEmpty();
            assertThat(page.text()).doesNotContain("A draft nobody may read").doesNotContain("Story 5");

            articles.publish(draft.id(), null, editor);
            assertThat(pinnedHeadlines(front())).containsExactly("A draft nobody may read");
        }

        @Test
        void pages_older_articles_by_date_alone_as_before() {
            String olderLink = front().select("a.paging-older").attr("href");
            String unpinned = http.get(olderLink).body();
            articles.pin(story(2).id(), editor);
            articles.pin(story(12).id(), editor);

            Document pinnedFront = front();
            assertThat(pinnedFront.select("a.paging-older").attr("href")).isEqualTo(olderLink);
            Document older = Jsoup.parse(http.get(olderLink).body());
            assertThat(pinnedHeadlines(older)).isEmpty();
            assertThat(headlines(older)).containsExactly("Story 4", "Story 3", "Story 2", "Story 1");
            assertThat(headlines(older)).isEqualTo(headlines(Jsoup.parse(unpinned)));
        }

        @Test
        void moves_its_last_modified_time_when_an_article_is_pinned() {
            String before = http.get("/").headers().firstValue("Last-Modified").orElseThrow();
            articles.pin(story(1).id(), editor);
            String after = http.get("/").headers().firstValue("Last-Modified").orElseThrow();
            assertThat(after).isNotEqualTo(before);
        }
    }

    @Nested
    class Every_other_list {
        @Test
        void goes_by_date_alone() {
            articles.pin(story(1).id(), editor);
            Document authorPage = Jsoup.parse(http.get("/authors/alice-moreau/").body());
            assertThat(pinnedHeadlines(authorPage)).isEmpty();
            assertThat(headlines(authorPage).get(0)).isEqualTo("Story 14");
            assertThat(authorPage.select(".pinned-label")).isEmpty();
        }

        @Test
        void and_the_feeds_are_unchanged_by_pins() {
            String feed = http.get("/feed/").body();
            articles.pin(story(1).id(), editor);
            String pinnedFeed = http.get("/feed/").body();
            assertThat(itemTitles(pinnedFeed)).isEqualTo(itemTitles(feed));
            assertThat(itemTitles(pinnedFeed).get(0)).isEqualTo("Story 14");
        }

        private List<String> itemTitles(String rss) {
            return Jsoup.parse(rss, "", org.jsoup.parser.Parser.xmlParser()).select("item > title").eachText();
        }
    }
}
