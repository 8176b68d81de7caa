package dateline.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.testing.Articles;
import dateline.testing.TestSite;
import dateline.web.InvalidInput;
import dateline.web.PageRequest;
import dateline.web.Paged;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ArticleServiceTest {
    private static final Instant T = Instant.parse("2024-06-20T07:38:00Z");

    private TestSite site;
    private ArticleService service;
    private Articles articles;
    private Account alice;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        service = site.wiring().articles();
        articles = site.articles();
        alice = site.anAuthor("Alice Moreau");
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private static Account editorOf(TestSite site) {
        return site.wiring().accounts().byEmail("editor@example.org").orElseGet(() ->
                site.wiring().accounts().open(new NewAccount("editor@example.org", "Eda Editor", Role.EDITOR, null)));
    }

    @Nested
    class Publishing {
        @Test
        void gives_the_article_a_dated_permalink_in_the_sites_timezone() {
            site.wiring().site().save(site.wiring().site().settings().withTimezone(ZoneId.of("Asia/Tokyo")));
            FullArticle full = articles.anArticle().headline("Storm warning for the coast").by(alice)
                    .publishedAt(Instant.parse("2024-06-20T20:00:00Z"));
            assertThat(full.article().path()).isEqualTo("/2024/06/21/storm-warning-for-the-coast/");
            assertThat(full.article().status()).isEqualTo(ArticleStatus.PUBLISHED);
        }

        @Test
        void stores_the_body_as_safe_html_and_keeps_the_markdown() {
            FullArticle full = articles.anArticle().body("Hello *world* <script>alert(1)</script>").by(alice).publishedAt(T);
            assertThat(full.article().bodySource()).contains("<script>");
            assertThat(full.article().bodyHtml()).contains("<em>world</em>").doesNotContain("<script");
        }

        @Test
        void credits_several_authors_in_byline_order_and_files_section_and_tags() {
            Account bruno = site.anAuthor("Bruno Keller");
            Section world = service.openSection("World", "News from everywhere");
            FullArticle full = articles.anArticle().by(bruno, alice).in(world.id()).tagged("Kenya", "Elections", "kenya")
                    .publishedAt(T);
            assertThat(full.bylines()).extracting(Byline::name).containsExactly("Bruno Keller", "Alice Moreau");
            assertThat(full.section()).contains(world);
            assertThat(full.tags()).extracting(Tag::name).containsExactly("Elections", "Kenya");
        }

        @Test
        void a_second_article_with_the_same_headline_gets_a_numbered_slug() {
            articles.anArticle().headline("Budget passes").by(alice).publishedAt(T);
            FullArticle second = articles.anArticle().headline("Budget passes").by(alice).publishedAt(T.plusSeconds(60));
            assertThat(second.article().slug()).isEqualTo("budget-passes-2");
        }

        @Test
        void a_slug_chosen_by_the_writer_that_is_taken_is_refused_and_nothing_is_written() {
            articles.anArticle().slug("budget").by(alice).publishedAt(T);
            long before = service.countPublished();
            assertThatThrownBy(() -> articles.anArticle().slug("budget").by(alice).publishedAt(T))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("slug"));
            assertThat(service.countPublished()).isEqualTo(before);
        }

        @Test
        void refuses_a_draft_without_headline_or_author_naming_each_field() {
            Account editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed", Role.EDITOR, null));
            assertThatThrownBy(() -> articles.anArticle().headline(" ").writtenBy(editor))
                    .isInstanceOfSatisfying(InvalidInput.class,
                            e -> assertThat(e.problems()).containsKeys("headline", "authors"));
        }

        @Test
        void refuses_an_author_without_an_account() {
            var draft = articles.anArticle().draft();
            var withStranger = new ArticleDraft(draft.headline(), null, "", "Body", BodyFormat.MARKDOWN, ArticleType.NEWS,
                    null, List.of(), List.of(9999L), "");
            assertThatThrownBy(() -> service.write(withStranger, editorOf(site)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("authors"));
        }

        @Test
        void publishing_a_batch_is_all_or_nothing() {
            List<Publication> batch = List.of(
                    new Publication(articles.anArticle().headline("One").by(alice).draft(), T, List.of()),
                    new Publication(articles.anArticle().headline("").by(alice).draft(), T, List.of()));
            assertThatThrownBy(() -> service.publishAll(batch)).isInstanceOf(InvalidInput.class);
            assertThat(service.countPublished()).isZero();
        }

        @Test
        void a_draft_has_no_public_address_until_it_is_published() {
            Article draft = articles.anArticle().headline("Quiet draft").by(alice).written();
            assertThat(draft.path()).isNull();
            assertThat(service.latest(PageRequest.first(10)).items()).isEmpty();

            Article published = service.publish(draft.id(), T, alice);
            assertThat(published.path()).isEqualTo("/2024/06/20/quiet-draft/");
            assertThat(service.find(published.path())).isInstanceOf(ArticleLookup.Found.class);
        }
    }

    @Nested
    class Addresses {
        @Test
        void changing_the_slug_moves_the_article_and_every_old_address_leads_to_the_new_one() {
            Article original = articles.anArticle().headline("Mayor resigns").by(alice).publishedAt(T).article();
            service.changeSlug(original.id(), "mayor-steps-down");
            Article moved = service.changeSlug(original.id(), "mayor-quits");

            assertThat(moved.path()).isEqualTo("/2024/06/20/mayor-quits/");
            assertThat(service.find("/2024/06/20/mayor-resigns/")).isEqualTo(new ArticleLookup.Moved(moved.path()));
            assertThat(service.find("/2024/06/20/mayor-steps-down/")).isEqualTo(new ArticleLookup.Moved(moved.path()));
            assertThat(service.find(moved.path())).isInstanceOf(ArticleLookup.Found.class);
        }

        @Test
        void taking_back_an_old_slug_makes_that_address_live_again() {
            Article original = articles.anArticle().headline("Mayor resigns").by(alice).publishedAt(T).article();
            service.changeSlug(original.id(), "mayor-quits");
            service.changeSlug(original.id(), "mayor-resigns");
            assertThat(service.find("/2024/06/20/mayor-resigns/")).isInstanceOf(ArticleLookup.Found.class);
            assertThat(service.find("/2024/06/20/mayor-quits/")).isInstanceOf(ArticleLookup.Moved.class);
        }

        @Test
        void an_unknown_address_is_missing() {
            assertThat(service.find("/2024/06/20/nothing-here/")).isInstanceOf(ArticleLookup.Missing.class);
        }

        @Test
        void a_malformed_slug_is_refused() {
            Article a = articles.anArticle().by(alice).publishedAt(T).article();
            assertThatThrownBy(() -> service.changeSlug(a.id(), "Not A Slug"))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("slug"));
        }
    }

    @Nested
    class Updates {
        @Test
        void a_significant_update_moves_the_modified_date_and_keeps_its_note() {
            Article a = articles.anArticle().by(alice).publishedAt(T).article();
            Instant later = T.plus(Duration.ofHours(3));
            service.recordUpdate(a.id(), new ArticleUpdate(UpdateKind.UPDATE, "Adds the minister's response.", later));
            FullArticle full = service.full(a.id()).orElseThrow();
            assertThat(full.article().modifiedAt()).isEqualTo(later);
            assertThat(full.updates()).extracting(ArticleUpdate::note).containsExactly("Adds the minister's response.");
        }

        @Test
        void an_update_needs_a_note() {
            Article a = articles.anArticle().by(alice).publishedAt(T).article();
            assertThatThrownBy(() -> service.recordUpdate(a.id(), new ArticleUpdate(UpdateKind.UPDATE, " ", T)))
                    .isInstanceOf(InvalidInput.class);
            assertThat(service.full(a.id()).orElseThrow().article().significantlyUpdatedAt()).isNull();
        }
    }

    @Nested
    class Lists {
        private List<Long> publishTwentyFive() {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                // two articles at each moment, to prove that ties are broken by id without losing any
                ids.add(articles.anArticle().headline("Story " + i).by(alice).publishedAt(T.plusSeconds(60L * (i / 2))).article().id());
            }
            return ids;
        }

        @Test
        void page_through_everything_newest_first_without_gaps_or_repeats() {
            publishTwentyFive();
            List<String> seen = new ArrayList<>();
            Paged<ArticleSummary> page = service.latest(PageRequest.first(10));
            seen.addAll(page.items().stream().map(ArticleSummary::headline).toList());
            assertThat(page.newer()).isNull();
            assertThat(page.newerIsFirstPage()).isFalse();
            while (page.older() != null) {
                page = service.latest(new PageRequest(page.older(), null, 10));
                seen.addAll(page.items().stream().map(ArticleSummary::headline).toList());
            }
            assertThat(seen).hasSize(25).doesNotHaveDuplicates();
            assertThat(seen.get(0)).isEqualTo("Story 24");
            assertThat(seen.get(24)).isEqualTo("Story 0");
        }

        @Test
        void walking_back_from_an_older_page_reaches_the_same_pages() {
            publishTwentyFive();
            Paged<ArticleSummary> first = service.latest(PageRequest.first(10));
            Paged<ArticleSummary> second = service.latest(new PageRequest(first.older(), null, 10));
            Paged<ArticleSummary> third = service.latest(new PageRequest(second.older(), null, 10));
            assertThat(third.items()).hasSize(5);
            assertThat(third.older()).isNull();
            assertThat(second.newerIsFirstPage()).isTrue();

            Paged<ArticleSummary> backToSecond = service.latest(new PageRequest(null, third.newer(), 10));
            assertThat(backToSecond.items()).isEqualTo(second.items());
        }

        @Test
        void lists_carry_their_bylines() {
            articles.anArticle().by(alice).publishedAt(T);
            assertThat(service.latest(PageRequest.first(10)).items().get(0).bylines())
                    .extracting(Byline::name).containsExactly("Alice Moreau");
        }

        @Test
        void section_tag_and_author_lists_hold_only_their_articles() {
            Account bruno = site.anAuthor("Bruno Keller");
            Section world = service.openSection("World", "");
            Section culture = service.openSection("Culture", "");
            articles.anArticle().headline("In world").in(world.id()).tagged("Kenya").by(alice).publishedAt(T);
            articles.anArticle().headline("In culture").in(culture.id()).tagged("Film").by(bruno).publishedAt(T);

            assertThat(service.inSection(world.id(), PageRequest.first(10)).items())
                    .extracting(ArticleSummary::headline).containsExactly("In world");
            long film = service.tagBySlug("film").orElseThrow().id();
            assertThat(service.taggedWith(film, PageRequest.first(10)).items())
                    .extracting(ArticleSummary::headline).containsExactly("In culture");
            assertThat(service.byAuthor(bruno.id(), PageRequest.first(10)).items())
                    .extracting(ArticleSummary::headline).containsExactly("In culture");
        }

        @Test
        void drafts_stay_out_of_every_list() {
            articles.anArticle().headline("Unfinished").by(alice).written();
            assertThat(service.latest(PageRequest.first(10)).items()).isEmpty();
            assertThat(service.byAuthor(alice.id(), PageRequest.first(10)).items()).isEmpty();
        }
    }

    @Nested
    class Sections {
        @Test
        void open_in_navigation_order_with_unique_names() {
            service.openSection("World", "");
            service.openSection("Politics", "");
            assertThat(service.sections()).extracting(Section::slug).containsExactly("world", "politics");
            assertThatThrownBy(() -> service.openSection("world", "")).isInstanceOf(InvalidInput.class);
        }
    }
}
