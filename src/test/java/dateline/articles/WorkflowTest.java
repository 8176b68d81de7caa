package dateline.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.testing.TestSite;
import dateline.web.InvalidInput;
import dateline.web.NotAllowed;
import dateline.web.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The publishing workflow, role by role, with a clock the test controls. */
class WorkflowTest {
    private TestSite site;
    private ArticleService articles;
    private Account contributor;
    private Account author;
    private Account otherAuthor;
    private Account editor;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        articles = site.wiring().articles();
        contributor = open("Cora Contributor", Role.CONTRIBUTOR);
        author = open("Arno Author", Role.AUTHOR);
        otherAuthor = open("Olga Author", Role.AUTHOR);
        editor = open("Edith Editor", Role.EDITOR);
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private Account open(String name, Role role) {
        String email = name.toLowerCase().replace(' ', '.') + "@example.org";
        return site.wiring().accounts().open(new NewAccount(email, name, role, null));
    }

    private Article draftBy(Account writer) {
        return site.articles().anArticle().headline("Draft by " + writer.name()).by(writer).written();
    }

    private ArticleDraft edited(Article article, String body) {
        FullArticle full = articles.full(article.id()).orElseThrow();
        return new ArticleDraft(article.headline(), article.slug(), article.standfirst(), body, article.bodyFormat(),
                article.type(), article.sectionId(), full.tags().stream().map(Tag::name).toList(),
                full.bylines().stream().map(Byline::accountId).toList(), article.datelinePlace(), article.commentsOpen(),
                article.featuredMediaId());
    }

    @Nested
    class Roles {
        @Test
        void a_contributor_submits_a_draft_for_review_but_cannot_publish_it() {
            Article draft = draftBy(contributor);
            assertThatThrownBy(() -> articles.publish(draft.id(), null, contributor)).isInstanceOf(NotAllowed.class);
            assertThat(articles.submitForReview(draft.id(), contributor).status()).isEqualTo(ArticleStatus.PENDING);
            assertThat(articles.publish(draft.id(), null, editor).status()).isEqualTo(ArticleStatus.PUBLISHED);
        }

        @Test
        void a_contributor_cannot_change_their_article_once_it_is_out() {
            Article draft = draftBy(contributor);
            Article published = articles.publish(draft.id(), null, editor);
            assertThatThrownBy(() -> articles.save(draft.id(), edited(published, "Changed."), published.version(),
                    Edit.minor(), contributor)).isInstanceOf(NotAllowed.class);
        }

        @Test
        void an_author_publishes_their_own_articles_and_not_anybody_elses() {
            Article own = draftBy(author);
            Article others = draftBy(otherAuthor);
            assertThat(articles.publish(own.id(), null, author).status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThatThrownBy(() -> articles.publish(others.id(), null, author)).isInstanceOf(NotAllowed.class);
            assertThatThrownBy(() -> articles.save(others.id(), edited(others, "Mine now."), others.version(),
                    Edit.minor(), author)).isInstanceOf(NotAllowed.class);
        }

        @Test
        void writers_who_are_not_editors_keep_themselves_on_the_byline() {
            var draft = site.articles().anArticle().by(otherAuthor).draft();
            assertThatThrownBy(() -> articles.write(draft, author))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("authors"));
            assertThat(articles.write(draft, editor).id()).isPositive();
        }

        @Test
        void only_editors_retract_and_a_retracted_article_leaves_every_list() {
            Article published = articles.publish(draftBy(author).id(), null, author);
            assertThatThrownBy(() -> articles.retract(published.id(), "Wrong.", author)).isInstanceOf(NotAllowed.class);
            assertThatThrownBy(() -> articles.retract(published.id(), " ", editor)).isInstanceOf(InvalidInput.class);

            Article retracted = articles.retract(published.id(), "The central claim could not be verified.", editor);
            assertThat(retracted.status()).isEqualTo(ArticleStatus.RETRACTED);
            assertThat(retracted.retractionNote()).isEqualTo("The central claim could not be verified.");
            assertThat(articles.latest(PageRequest.first(10)).items()).isEmpty();
            assertThat(articles.find(published.path())).isInstanceOf(ArticleLookup.Found.class);
        }

        @Test
        void the_newsroom_list_shows_writers_who_are_not_editors_only_their_own_articles() {
            draftBy(author);
            draftBy(otherAuthor);
            assertThat(articles.forNewsroom(NewsroomQuery.everything(), null, 10, author).items())
                    .extracting(ArticleSummary::headline).containsExactly("Draft by Arno Author");
            assertThat(articles.forNewsroom(NewsroomQuery.everything(), null, 10, editor).items()).hasSize(2);
            assertThat(articles.forEditing(draftBy(otherAuthor).id(), author)).isEmpty();
        }
    }

    @Nested
    class Scheduling {
        @Test
        void a_scheduled_article_publishes_itself_when_its_time_comes_and_only_once() {
            Instant at = site.clock().instant().plus(Duration.ofHours(2));
            Article scheduled = articles.publish(draftBy(author).id(), at, author);
            assertThat(scheduled.status()).isEqualTo(ArticleStatus.SCHEDULED);
            assertThat(scheduled.path()).isNull();
            assertThat(articles.publishDue()).isZero();

            site.clock().advance(Duration.ofHours(2));
            assertThat(articles.publishDue()).isEqualTo(1);
            assertThat(articles.publishDue()).isZero();
            Article published = articles.full(scheduled.id()).orElseThrow().article();
            assertThat(published.status()).isEqualTo(ArticleStatus.PUBLISHED);
            assertThat(published.publishedAt()).isEqualTo(at);
            assertThat(published.path()).isEqualTo("/2024/06/20/draft-by-arno-author/");
        }

        @Test
        void several_publishers_racing_publish_each_article_exactly_once() throws Exception {
            for (int i = 0; i < 10; i++) {
                Article a = site.articles().anArticle().headline("Story " + i).by(author).written();
                articles.publish(a.id(), site.clock().instant().plusSeconds(60), author);
            }
            site.clock().advance(Duration.ofMinutes(5));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Integer>> racers = new ArrayList<>();
                for (int i = 0; i < 4; i++) racers.add(articles::publishDue);
                int total = 0;
                for (Future<Integer> f : pool.invokeAll(racers)) total += f.get();
                assertThat(total).isEqualTo(10);
            } finally {
                pool.shutdownNow();
            }
            assertThat(articles.countPublished()).isEqualTo(10);
        }

        @Test
        void an_article_taken_off_the_schedule_is_a_draft_again() {
            Article scheduled = articles.publish(draftBy(author).id(), site.clock().instant().plusSeconds(3600), author);
            assertThat(articles.unschedule(scheduled.id(), author).status()).isEqualTo(ArticleStatus.DRAFT);
            site.clock().advance(Duration.ofHours(2));
            assertThat(articles.publishDue()).isZero();
        }
    }

    @Nested
    class Updates {
        private Article published;

        @BeforeEach
        void publish() {
            published = articles.publish(draftBy(author).id(), null, author);
            site.clock().advance(Duration.ofHours(3));
        }

        @Test
        void a_minor_edit_changes_the_text_but_moves_no_date() {
            Article saved = articles.save(published.id(), edited(published, "Typo fixed."), published.version(),
                    Edit.minor(), author);
            assertThat(saved.bodySource()).isEqualTo("Typo fixed.");
            assertThat(saved.significantlyUpdatedAt()).isNull();
            assertThat(saved.modifiedAt()).isEqualTo(published.publishedAt());
            assertThat(articles.full(saved.id()).orElseThrow().updates()).isEmpty();
        }

        @Test
        void a_significant_update_moves_last_updated_and_keeps_a_public_note_with_what_changed() {
            Article saved = articles.save(published.id(), edited(published, "The bridge reopened on Tuesday."),
                    published.version(), new Edit.SignificantUpdate("Corrects the day and adds figures."), author);
            assertThat(saved.modifiedAt()).isEqualTo(site.clock().instant());
            ArticleHistory history = articles.history(saved.path()).orElseThrow();
            assertThat(history.entries()).hasSize(1);
            ArticleHistory.Entry entry = history.entries().get(0);
            assertThat(entry.update().note()).isEqualTo("Corrects the day and adds figures.");
            assertThat(entry.changes()).extracting(FieldDiff::field).contains("Text");
        }

        @Test
        void an_update_needs_a_note_for_readers() {
            assertThatThrownBy(() -> articles.save(published.id(), edited(published, "x"), published.version(),
                    new Edit.SignificantUpdate(" "), author))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsKey("note"));
            assertThat(articles.full(published.id()).orElseThrow().article().bodySource()).isNotEqualTo("x");
        }

        @Test
        void a_correction_is_listed_site_wide() {
            articles.save(published.id(), edited(published, "Fixed."), published.version(),
                    new Edit.Correction("An earlier version gave the wrong year."), author);
            assertThat(articles.corrections(PageRequest.first(10)).items())
                    .extracting(Correction::note).containsExactly("An earlier version gave the wrong year.");
        }

        @Test
        void a_save_based_on_an_old_version_is_refused_and_writes_nothing() {
            Article first = articles.save(published.id(), edited(published, "First editor's text."), published.version(),
                    Edit.minor(), editor);
            assertThatThrownBy(() -> articles.save(published.id(), edited(published, "Second editor's text."),
                    published.version(), Edit.minor(), author))
                    .isInstanceOfSatisfying(ArticleChanged.class,
                            e -> assertThat(e.current().article().bodySource()).isEqualTo("First editor's text."));
            assertThat(articles.full(published.id()).orElseThrow().article().version()).isEqualTo(first.version());
        }
    }

    @Nested
    class Revisions {
        @Test
        void every_save_is_a_revision_that_can_be_compared_and_restored() {
            Article draft = draftBy(author);
            Article second = articles.save(draft.id(), edited(draft, "Second text with new words."), draft.version(),
                    Edit.minor(), author);
            List<Revision> revisions = articles.revisions(draft.id(), author);
            assertThat(revisions).hasSize(2);
            Revision newest = revisions.get(0);
            Revision oldest = revisions.get(1);
            List<FieldDiff> diff = articles.compare(oldest, newest);
            assertThat(diff.stream().filter(d -> d.field().equals("Body")).findFirst().orElseThrow().changed()).isTrue();

            Article restored = articles.restore(draft.id(), oldest.id(), second.version(), author);
            assertThat(restored.bodySource()).isEqualTo(draft.bodySource());
            assertThat(articles.revisions(draft.id(), author)).hasSize(3).first()
                    .satisfies(r -> assertThat(r.kind()).isEqualTo("restore"));
        }

        @Test
        void an_autosave_keeps_typed_text_aside_without_changing_the_article() {
            Article draft = draftBy(author);
            site.clock().advance(Duration.ofMinutes(1));
            articles.autosave(draft.id(), edited(draft, "Typed but not saved."), author);
            assertThat(articles.full(draft.id()).orElseThrow().article().bodySource()).isEqualTo(draft.bodySource());
            assertThat(articles.pendingAutosave(draft.id(), author)).get()
                    .satisfies(r -> assertThat(r.bodySource()).isEqualTo("Typed but not saved."));
            assertThat(articles.pendingAutosave(draft.id(), editor)).isEmpty();
        }
    }
}
