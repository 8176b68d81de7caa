package dateline.articles;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.testing.Articles;
import dateline.testing.TestSite;
import dateline.web.PageRequest;
import dateline.web.Paged;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Lists page by keyset: walked page by page, older then newer again, each page is its slice of the whole
 * list in its order (ties in time broken by id), whatever the order the articles were written in; and a tag's
 * or an author's list follows every change that puts an article in it or takes it out.
 */
class ListPagingTest {
    private static final Instant T = Instant.parse("2024-06-20T07:38:00Z");
    private static final int SIZE = 4;

    private TestSite site;
    private ArticleService service;
    private Articles articles;
    private Account alice;
    private Account bruno;
    private Account editor;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        service = site.wiring().articles();
        articles = site.articles();
        alice = site.anAuthor("Alice Moreau");
        bruno = site.anAuthor("Bruno Keller");
        editor = site.wiring().accounts().open(new NewAccount("edith@example.org", "Edith Editor", Role.EDITOR, null));
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    /** One article as a list shows it: for comparing with what the list should hold. */
    private record Listed(long id, Instant at) {}

    private static final Comparator<Listed> NEWEST_FIRST =
            Comparator.comparing(Listed::at).thenComparingLong(Listed::id).reversed();

    /**
     * Walks a list to its end by its "older" links, then back to its first page by its "newer" links, and
     * checks that each page is its slice of {@code expected}.
     */
    private static void pagesAreSlicesOf(List<Long> expected, Function<PageRequest, Paged<ArticleSummary>> list) {
        List<List<Long>> slices = new ArrayList<>();
        for (int from = 0; from < expected.size(); from += SIZE) {
            slices.add(expected.subList(from, Math.min(from + SIZE, expected.size())));
        }
        List<Paged<ArticleSummary>> pages = new ArrayList<>();
        Paged<ArticleSummary> page = list.apply(PageRequest.first(SIZE));
        pages.add(page);
        while (page.older() != null) {
            page = list.apply(new PageRequest(page.older(), null, SIZE));
            pages.add(page);
        }
        assertThat(pages).extracting(p -> p.items().stream().map(ArticleSummary::id).toList())
                .containsExactlyElementsOf(slices);
        for (int n = pages.size() - 1; n > 0; n--) {
            Paged<ArticleSummary> newer = list.apply(new PageRequest(null, pages.get(n).newer(), SIZE));
            assertThat(newer.items()).extracting(ArticleSummary::id).as("page %d, reached from page %d", n, n + 1)
                    .containsExactlyElementsOf(slices.get(n - 1));
        }
        assertThat(pages.get(0).newer()).isNull();
    }

    @Nested
    class Tag_and_author_lists {
        @Test
        void every_page_is_its_slice_of_the_whole_list_newest_first_with_ties_broken_by_id() {
            List<Listed> harbour = new ArrayList<>();
            List<Listed> byAlice = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                // written in one order, published in another (as an archive imported out of date order is),
                // two articles at each moment; one in three neither tagged nor by Alice
                Instant at = T.minus(Duration.ofHours((i * 7L) % 12));
                boolean ours = i % 3 != 0;
                Article a = articles.anArticle().headline("Story " + i).tagged(ours ? "Harbour" : "Weather")
                        .by(ours ? alice : bruno).publishedAt(at).article();
                if (ours) {
                    harbour.add(new Listed(a.id(), at));
                    byAlice.add(new Listed(a.id(), at));
                }
            }
            articles.anArticle().headline("Unfinished").tagged("Harbour").by(alice).written();
            long tag = service.tagBySlug("harbour").orElseThrow().id();

            pagesAreSlicesOf(harbour.stream().sorted(NEWEST_FIRST).map(Listed::id).toList(),
                    page -> service.taggedWith(tag, page));
            pagesAreSlicesOf(byAlice.stream().sorted(NEWEST_FIRST).map(Listed::id).toList(),
                    page -> service.byAuthor(alice.id(), page));
            pagesAreSlicesOf(harbour.stream().sorted(NEWEST_FIRST).map(Listed::id).toList(),
                    page -> service.published(new ArticleFilter(null, tag, alice.id(), null, null), page));
        }

        @Test
        void follow_retraction_retagging_new_bylines_scheduling_and_scheduled_publication() {
            Article first = articles.anArticle().headline("First").tagged("Harbour").by(alice).publishedAt(T).article();
            Article second = articles.anArticle().headline("Second").tagged("Harbour").by(alice)
                    .publishedAt(T.plusSeconds(60)).article();
            Article later = articles.anArticle().headline("Later").tagged("Harbour").by(alice).written();
            service.publish(later.id(), site.clock().instant().plus(Duration.ofHours(1)), editor);
            Article unscheduled = articles.anArticle().headline("Unscheduled").tagged("Harbour").by(alice).written();
            service.publish(unscheduled.id(), site.clock().instant().plus(Duration.ofHours(1)), editor);
            service.unschedule(unscheduled.id(), editor);
            long tag = service.tagBySlug("harbour").orElseThrow().id();
            Function<Long, List<String>> taggedHeadlines = t -> headlines(service.taggedWith(t, PageRequest.first(10)));

            assertThat(taggedHeadlines.apply(tag)).containsExactly("Second", "First");

            service.retract(first.id(), "It was wrong.", editor);
            assertThat(taggedHeadlines.apply(tag)).containsExactly("Second");

            Article current = service.full(second.id()).orElseThrow().article();
            service.save(second.id(), articles.anArticle().headline("Second").tagged("Weather").by(bruno).draft(),
                    current.version(), Edit.minor(), editor);
            assertThat(taggedHeadlines.apply(tag)).isEmpty();
            assertThat(taggedHeadlines.apply(service.tagBySlug("weather").orElseThrow().id())).containsExactly("Second");
            assertThat(headlines(service.byAuthor(bruno.id(), PageRequest.first(10)))).containsExactly("Second");
            assertThat(headlines(service.byAuthor(alice.id(), PageRequest.first(10)))).isEmpty();

            site.clock().advance(Duration.ofHours(2));
            assertThat(service.publishDue()).isEqualTo(1);
            assertThat(taggedHeadlines.apply(tag)).containsExactly("Later");
            assertThat(headlines(service.byAuthor(alice.id(), PageRequest.first(10)))).containsExactly("Later");
        }
    }

    @Nested
    class The_newsroom_list {
        @Test
        void one_status_pages_most_recently_edited_first_with_ties_broken_by_id() {
            List<Listed> drafts = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                if (i % 2 == 0) site.clock().advance(Duration.ofMinutes(3));
                Article a = articles.anArticle().headline("Draft " + i).by(alice).written();
                drafts.add(new Listed(a.id(), a.editedAt()));
                articles.anArticle().headline("Out " + i).by(alice).publishedAt(site.clock().instant());
            }
            List<Long> expected = drafts.stream().sorted(NEWEST_FIRST).map(Listed::id).toList();
            NewsroomQuery query = new NewsroomQuery(ArticleStatus.DRAFT, null, null, null, null);

            List<Long> seen = new ArrayList<>();
            Paged<ArticleSummary> page = service.forNewsroom(query, null, SIZE, editor);
            while (true) {
                assertThat(page.items()).extracting(ArticleSummary::id)
                        .containsExactlyElementsOf(expected.subList(seen.size(), Math.min(seen.size() + SIZE, expected.size())));
                page.items().forEach(s -> seen.add(s.id()));
                if (page.older() == null) break;
                page = service.forNewsroom(query, page.older(), SIZE, editor);
            }
            assertThat(seen).isEqualTo(expected);
        }
    }

    private static List<String> headlines(Paged<ArticleSummary> page) {
        return page.items().stream().map(ArticleSummary::headline).toList();
    }
}
