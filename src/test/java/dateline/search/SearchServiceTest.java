package dateline.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.articles.ArticleDraft;
import dateline.articles.ArticleEvent;
import dateline.articles.ArticleListener;
import dateline.articles.ArticleService;
import dateline.articles.ArticleStatus;
import dateline.articles.Byline;
import dateline.articles.Edit;
import dateline.articles.FullArticle;
import dateline.articles.Section;
import dateline.testing.TestSite;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Searching articles over a real SQLite file: ranking, highlighting, terms, filters, and who finds what. */
class SearchServiceTest {
    private TestSite site;
    private SearchService search;
    private ArticleService articles;
    private Account editor;
    private Account alice;
    private Account bob;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        search = site.wiring().search();
        articles = site.wiring().articles();
        editor = site.wiring().accounts().open(new NewAccount("edith@example.org", "Edith Editor", Role.EDITOR, null));
        alice = site.wiring().accounts().open(new NewAccount("alice@example.org", "Alice Adeyemi", Role.AUTHOR, null));
        bob = site.wiring().accounts().open(new NewAccount("bob@example.org", "Bob Brennan", Role.CONTRIBUTOR, null));
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private FullArticle published(String headline, String body) {
        return site.articles().anArticle().headline(headline).standfirst("").body(body).by(alice)
                .publishedAt(site.clock().instant());
    }

    private List<String> headlinesFor(String typed) {
        return headlines(search.forReaders(typed, SearchFilters.none(), 1, 10));
    }

    private static List<String> headlines(Found found) {
        return found.results().stream().map(r -> r.summary().headline()).toList();
    }

    @Nested
    class Ranking_and_highlighting {
        @Test
        void a_headline_match_outranks_a_body_match() {
            published("Council debates the budget", "Councillors met on Tuesday. The harbour came up briefly.");
            published("Harbour dredging to begin", "Work starts next week.");
            published("Ferry fares rise", "Fares rise by a tenth. The harbour authority blamed fuel. The harbour is busy.");

            assertThat(headlinesFor("harbour").get(0)).isEqualTo("Harbour dredging to begin");
            assertThat(headlinesFor("harbour")).hasSize(3);
        }

        @Test
        void stemming_finds_other_forms_of_a_word_and_accents_are_ignored() {
            published("Elections called", "The vote is in May.");
            published("Café owners protest", "Rents doubled.");

            assertThat(headlinesFor("election")).containsExactly("Elections called");
            assertThat(headlinesFor("cafe")).containsExactly("Café owners protest");
        }

        @Test
        void matches_are_marked_in_the_headline_and_in_an_excerpt_of_the_body() {
            published("Harbour dredging to begin", "Work starts next week. Ships will wait outside the harbour for a month.");

            Found.Result result = search.forReaders("harbour", SearchFilters.none(), 1, 10).results().get(0);
            assertThat(result.headline().fragments()).containsExactly(new Highlighted.Fragment("Harbour", true),
                    new Highlighted.Fragment(" dredging to begin", false));
            assertThat(result.excerpt().fragments()).contains(new Highlighted.Fragment("harbour", true));
            assertThat(result.excerpt().text()).contains("Ships will wait outside the harbour for a month.");
        }

        @Test
        void the_body_is_searched_as_text_not_as_markup() {
            published("Gallery reopens", "The **new wing** has [a cafe](https://example.org/strong).");

            assertThat(headlinesFor("strong")).isEmpty();
            assertThat(headlinesFor("\"new wing\"")).containsExactly("Gallery reopens");
            assertThat(search.forReaders("wing", SearchFilters.none(), 1, 10).results().get(0).excerpt().text())
                    .doesNotContain("**").doesNotContain("<");
        }

        @Test
        void markup_in_an_article_stays_text_in_its_highlights() {
            published("<b>Harbour</b> & <script>alert(1)</script>", "Nothing else.");

            Found.Result result = search.forReaders("harbour", SearchFilters.none(), 1, 10).results().get(0);
            assertThat(result.headline().text()).isEqualTo("<b>Harbour</b> & <script>alert(1)</script>");
            assertThat(result.headline().fragments()).contains(new Highlighted.Fragment("Harbour", true));
        }

        @Test
        void marker_characters_typed_into_an_article_cannot_fake_a_highlight() {
            published("Plain \uE000headline\uE001 here", "Harbour text.");

            Found.Result result = search.forReaders("harbour", SearchFilters.none(), 1, 10).results().get(0);
            assertThat(result.headline().fragments()).containsExactly(new Highlighted.Fragment("Plain headline here", false));
        }

        @Test
        void tags_and_authors_are_searched_too() {
            site.articles().anArticle().headline("Budget day").tagged("Kenya").by(alice).publishedAt(site.clock().instant());

            assertThat(headlinesFor("kenya")).containsExactly("Budget day");
            assertThat(headlinesFor("adeyemi")).containsExactly("Budget day");
        }
    }

    @Nested
    class Terms {
        @Test
        void a_phrase_finds_the_words_together_and_in_order_words_find_them_anywhere() {
            published("North Korea talks resume", "Diplomats met.");
            published("Korea's north coast floods", "Rain fell.");

            assertThat(headlinesFor("\"north korea\"")).containsExactly("North Korea talks resume");
            assertThat(headlinesFor("north korea")).containsExactlyInAnyOrder("North Korea talks resume",
                    "Korea's north coast floods");
        }

        @Test
        void an_exclusion_leaves_out_the_articles_that_contain_it() {
            published("Stadium plans approved", "The sport club is pleased.");
            published("Stadium traffic warning", "Roads will close.");

            assertThat(headlinesFor("stadium -sport")).containsExactly("Stadium traffic warning");
        }

        @Test
        void every_word_must_be_found() {
            published("Stadium plans approved", "The club is pleased.");

            assertThat(headlinesFor("stadium hospital")).isEmpty();
        }

        @Test
        void words_that_are_operators_of_the_index_find_themselves() {
            published("Rock and roll museum opens", "Not near the river.");

            assertThat(headlinesFor("rock AND roll")).containsExactly("Rock and roll museum opens");
            assertThat(headlinesFor("NEAR( river ) NOT")).containsExactly("Rock and roll museum opens");
            assertThat(headlinesFor("headline:museum*")).isEmpty();
            assertThat(headlinesFor("museum*")).containsExactly("Rock and roll museum opens");
        }
    }

    @Nested
    class Filters_and_pages {
        @Test
        void section_author_and_dates_narrow_the_results() {
            Section world = articles.openSection("World", "");
            Section sport = articles.openSection("Sport", "");
            Instant june = Instant.parse("2024-06-10T10:00:00Z");
            Instant may = Instant.parse("2024-05-10T10:00:00Z");
            site.articles().anArticle().headline("Flood warning in the north").in(world.id()).by(alice).publishedAt(june);
            site.articles().anArticle().headline("Flood halts the match").in(sport.id()).by(editor).publishedAt(may);

            assertThat(headlines(search.forReaders("flood", new SearchFilters(world.id(), null, null, null), 1, 10)))
                    .containsExactly("Flood warning in the north");
            assertThat(headlines(search.forReaders("flood", new SearchFilters(null, editor.id(), null, null), 1, 10)))
                    .containsExactly("Flood halts the match");
            assertThat(headlines(search.forReaders("flood",
                    new SearchFilters(null, null, LocalDate.of(2024, 6, 10), LocalDate.of(2024, 6, 10)), 1, 10)))
                    .containsExactly("Flood warning in the north");
            assertThat(headlines(search.forReaders("flood", new SearchFilters(null, null, null, LocalDate.of(2024, 5, 31)), 1, 10)))
                    .containsExactly("Flood halts the match");
        }

        @Test
        void results_page_by_rank_with_the_total_counted() {
            for (int i = 1; i <= 7; i++) published("Harbour report " + i, "Nothing.");

            Found first = search.forReaders("harbour", SearchFilters.none(), 1, 3);
            Found third = search.forReaders("harbour", SearchFilters.none(), 3, 3);
            assertThat(first.total()).isEqualTo(7);
            assertThat(first.pages()).isEqualTo(3);
            assertThat(first.results()).hasSize(3);
            assertThat(first.hasNext()).isTrue();
            assertThat(third.results()).hasSize(1);
            assertThat(third.hasNext()).isFalse();
            assertThat(search.forReaders("harbour", SearchFilters.none(), 2, 3).results())
                    .doesNotContainAnyElementsOf(first.results());
        }

        @Test
        void a_word_in_more_articles_than_a_search_ranks_ranks_the_most_recently_written_and_says_so() {
            published("Harbour master retires", "After forty years."); // written first, and the best match
            for (int i = 1; i <= 55; i++) published("Report " + i, "The harbour was quiet.");
            var database = site.wiring().database();
            SearchService ranksFew = new SearchService(database.jdbi(), SearchIndex.of(database.dialect()), articles,
                    site.wiring().site(), 1);

            Found found = ranksFew.forReaders("harbour", SearchFilters.none(), 1, 1);
            Found last = ranksFew.forReaders("harbour", SearchFilters.none(), SearchService.MAX_PAGES, 1);

            // one a page: the fifty published most recently are ranked, so that every page a search shows is full
            assertThat(found.newestOnly()).isTrue();
            assertThat(found.total()).isEqualTo(SearchService.MAX_PAGES);
            assertThat(found.pages()).isEqualTo(SearchService.MAX_PAGES);
            assertThat(search.forReaders("harbour", SearchFilters.none(), 1, 1).newestOnly()).isFalse();
            assertThat(headlines(found)).singleElement().asString().startsWith("Report ");
            assertThat(headlines(last)).containsExactly("Report 6");
            assertThat(headlinesFor("harbour").get(0)).isEqualTo("Harbour master retires");
            assertThat(headlines(ranksFew.forReaders("harbour master", SearchFilters.none(), 1, 1)))
                    .containsExactly("Harbour master retires");
        }

        @Test
        void in_an_archive_written_out_of_date_order_a_common_word_ranks_the_articles_published_most_recently() {
            Instant now = site.clock().instant();
            for (int i = 1; i <= 50; i++) {
                site.articles().anArticle().headline("Recent " + i).standfirst("").body("The harbour was quiet.").by(alice)
                        .publishedAt(now.minus(Duration.ofMinutes(i)));
            }
            for (int i = 1; i <= 5; i++) {
                // written last, as an old archive imported after the recent stories is, and the best matches
                site.articles().anArticle().headline("Harbour archive " + i).standfirst("").body("The harbour of old.")
                        .by(alice).publishedAt(now.minus(Duration.ofDays(3650 + i)));
            }
            var database = site.wiring().database();
            SearchService ranksFew = new SearchService(database.jdbi(), SearchIndex.of(database.dialect()), articles,
                    site.wiring().site(), 1);

            List<String> ranked = new ArrayList<>();
            for (int page = 1; page <= SearchService.MAX_PAGES; page++) {
                ranked.addAll(headlines(ranksFew.forReaders("harbour", SearchFilters.none(), page, 1)));
            }
            assertThat(ranked).hasSize(50).allSatisfy(h -> assertThat(h).startsWith("Recent "));
            assertThat(ranksFew.forReaders("harbour", SearchFilters.none(), 1, 1).newestOnly()).isTrue();
            // ranking every match, as when few match, finds the old stories best
            assertThat(headlinesFor("harbour").subList(0, 5)).allSatisfy(h -> assertThat(h).startsWith("Harbour archive "));
        }

        @Test
        void readers_may_narrow_a_search_to_the_people_credited_on_published_articles_only() {
            Account carol = site.wiring().accounts().open(new NewAccount("carol@example.org", "Carol Chen", Role.AUTHOR, null));
            site.articles().anArticle().headline("Draft by Bob").by(bob).written();
            site.articles().anArticle().headline("Shared story").by(carol, alice).publishedAt(site.clock().instant());
            site.articles().anArticle().headline("Another by Alice").by(alice).publishedAt(site.clock().instant());

            assertThat(search.authorsOfPublished()).containsExactly(alice.id(), carol.id());
        }

        @Test
        void a_search_goes_at_most_fifty_pages_deep() {
            for (int i = 1; i <= 60; i++) published("Harbour report " + i, "Nothing.");

            Found found = search.forReaders("harbour", SearchFilters.none(), 999, 1);
            assertThat(found.pages()).isEqualTo(SearchService.MAX_PAGES);
            assertThat(found.page()).isEqualTo(SearchService.MAX_PAGES);
            assertThat(found.results()).hasSize(1);
        }
    }

    @Nested
    class Who_finds_what {
        @Test
        void readers_find_only_published_articles() {
            published("Harbour published", "Text.");
            site.articles().anArticle().headline("Harbour draft").by(alice).written();
            Article scheduled = site.articles().anArticle().headline("Harbour scheduled").by(alice).written();
            articles.publish(scheduled.id(), site.clock().instant().plus(Duration.ofDays(1)), alice);
            FullArticle retracted = published("Harbour retracted", "Text.");
            articles.retract(retracted.article().id(), "It was wrong.", editor);

            assertThat(headlinesFor("harbour")).containsExactly("Harbour published");
        }

        @Test
        void the_newsroom_finds_drafts_of_everybody_for_editors_and_of_ones_own_for_the_others() {
            site.articles().anArticle().headline("Harbour draft by Alice").by(alice).written();
            site.articles().anArticle().headline("Harbour draft by Bob").by(bob).written();
            published("Harbour published by Alice", "Text.");

            assertThat(headlines(search.forNewsroom("harbour", null, null, null, editor, 1, 10)))
                    .containsExactlyInAnyOrder("Harbour draft by Alice", "Harbour draft by Bob", "Harbour published by Alice");
            assertThat(headlines(search.forNewsroom("harbour", null, null, null, bob, 1, 10)))
                    .containsExactly("Harbour draft by Bob");
            assertThat(headlines(search.forNewsroom("harbour", ArticleStatus.DRAFT, null, null, alice, 1, 10)))
                    .containsExactly("Harbour draft by Alice");
        }
    }

    @Nested
    class The_index_follows_the_articles {
        @Test
        void publishing_updating_and_retracting_show_at_once() {
            Article draft = site.articles().anArticle().headline("Ferry timetable changes").by(alice).written();
            assertThat(headlinesFor("ferry")).isEmpty();

            articles.publish(draft.id(), null, alice);
            assertThat(headlinesFor("ferry")).containsExactly("Ferry timetable changes");

            FullArticle full = articles.full(draft.id()).orElseThrow();
            articles.save(draft.id(), edited(full, "Ferry timetable changes again", "The ferry leaves at nine."),
                    full.article().version(), new Edit.Minor(), alice);
            assertThat(headlinesFor("nine")).containsExactly("Ferry timetable changes again");

            articles.retract(draft.id(), "The timetable was never confirmed.", editor);
            assertThat(headlinesFor("ferry")).isEmpty();
            assertThat(headlines(search.forNewsroom("ferry", ArticleStatus.RETRACTED, null, null, editor, 1, 10)))
                    .containsExactly("Ferry timetable changes again");
        }

        @Test
        void a_new_slug_gives_the_result_its_new_address() {
            FullArticle out = site.articles().anArticle().headline("Bridge reopens").slug("bridge-reopens").by(alice)
                    .publishedAt(site.clock().instant());
            articles.changeSlug(out.article().id(), "harbour-bridge-reopens");

            assertThat(search.forReaders("bridge", SearchFilters.none(), 1, 10).results().get(0).summary().path())
                    .endsWith("/harbour-bridge-reopens/");
        }

        @Test
        void a_change_that_rolls_back_leaves_the_index_as_it_was() {
            FullArticle out = published("Ferry timetable changes", "The ferry leaves at eight.");
            articles.addListener(new ArticleListener() {
                @Override
                public void changing(Handle h, ArticleEvent event) {
                    throw new IllegalStateException("a later listener fails");
                }
            });

            assertThatThrownBy(() -> articles.save(out.article().id(),
                    edited(out, "Ferry sinks", "The ferry leaves at nine."), out.article().version(), new Edit.Minor(),
                    alice)).hasMessageContaining("a later listener fails");

            assertThat(headlinesFor("nine")).isEmpty();
            assertThat(headlinesFor("eight")).containsExactly("Ferry timetable changes");
        }

        @Test
        void a_rebuild_gives_the_same_results_as_indexing_as_articles_change() {
            Section world = articles.openSection("World", "");
            site.articles().anArticle().headline("Harbour draft").by(alice).written();
            site.articles().anArticle().headline("Harbour flood warning").in(world.id()).tagged("Weather").by(alice)
                    .publishedAt(site.clock().instant());
            FullArticle retracted = published("Harbour retracted", "Harbour text.");
            articles.retract(retracted.article().id(), "Wrong.", editor);
            published("Ferry fares rise", "The harbour authority blamed fuel.");
            List<Found.Result> before = search.forNewsroom("harbour", null, null, null, editor, 1, 10).results();
            List<Found.Result> publicBefore = search.forReaders("harbour weather", SearchFilters.none(), 1, 10).results();

            site.wiring().database().jdbi().useHandle(h -> h.execute("DELETE FROM search_text"));
            assertThat(search.forNewsroom("harbour", null, null, null, editor, 1, 10).results()).isEmpty();
            SearchService.Rebuilt rebuilt = search.rebuild();

            assertThat(rebuilt.written()).isEqualTo(4);
            assertThat(search.forNewsroom("harbour", null, null, null, editor, 1, 10).results()).isEqualTo(before);
            assertThat(search.forReaders("harbour weather", SearchFilters.none(), 1, 10).results()).isEqualTo(publicBefore);
        }
    }

    private static ArticleDraft edited(FullArticle full, String headline, String body) {
        Article a = full.article();
        return new ArticleDraft(headline, a.slug(), a.standfirst(), body, a.bodyFormat(), a.type(), a.sectionId(),
                List.of(), full.bylines().stream().map(Byline::accountId).toList(), "", true, null);
    }
}
