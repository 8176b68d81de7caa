package dateline.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.Article;
import dateline.comments.Comment;
import dateline.comments.CommentScreening;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.comments.ModerationEntry;
import dateline.comments.NewComment;
import dateline.site.CommentSettings;
import dateline.testing.TestSite;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The spam defence, layer by layer and all together, on a real site: the field people never see, the
 * form's signed token and its timer, the site's rules, and the classifier that learns from moderators.
 */
class SpamDefenceTest {
    private static final String ORDINARY = "The detour added forty minutes to my commute. Glad the bridge is open again.";
    /** A campaign the built-in examples know nothing of: pleasant words, always the same website. */
    private static final List<String> CAMPAIGN = List.of(
            "Great read. We installed panels last spring and the savings are real, happy to share numbers.",
            "Interesting piece. Our family switched to solar panels and the bills dropped a lot.",
            "Very informative. Anyone thinking about solar panels should get a quote, ours paid off quickly.",
            "Nice article. Solar panels changed everything for our household budget this year.",
            "Good points here. We went with rooftop solar panels and never looked back.",
            "Helpful article. Getting solar panels installed was the best decision for our home.");
    private static final String CAMPAIGN_SITE = "https://solar-leads.example";
    private static final List<String> OTHER_READERS = List.of(
            "I live near the bridge and the noise at night was unbearable during the repairs.",
            "Does anyone know whether the bus routes go back to normal next week?",
            "The council said the same two years ago. I'll believe it when I see it.",
            "Great article, thanks for the clear explanation of the budget.");

    private TestSite site;
    private CommentService comments;
    private SpamClassifier classifier;
    private Account editor;
    private Article article;
    private int reader;

    @BeforeEach
    void openSite() {
        site = TestSite.services();
        comments = site.wiring().comments();
        classifier = site.wiring().spam().prepare(); // as serving the site does
        Account author = site.anAuthor("Alice Moreau");
        editor = site.wiring().accounts().open(new NewAccount("ed@example.org", "Ed Itor", Role.EDITOR, null));
        article = site.articles().anArticle().by(author).publishedAt(TestSite.START).article();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    /** A new reader loads the article page, writes for {@code seconds}, and sends the form with this token. */
    private Comment send(String name, String website, String text, String token, int seconds, String honeypot) {
        return send(name, "reader" + (reader + 1) + "@example.net", website, text, token, seconds, honeypot);
    }

    private Comment send(String name, String email, String website, String text, String token, int seconds,
                         String honeypot) {
        site.clock().advance(Duration.ofSeconds(seconds));
        reader++;
        return comments.post(new NewComment(article.id(), null, name, email, website, text, "198.51.100." + reader,
                "Firefox", token, honeypot));
    }

    /** A reader whose first comment a moderator approved writes another, taking their time. */
    private Comment fromAnApprovedReader(String name, String text) {
        Comment first = written(name, "", ORDINARY);
        comments.moderate(first.id(), CommentService.Action.APPROVE, "", editor);
        return send(name, first.authorEmail(), "", text, comments.formToken(article.id()), 45, "");
    }

    /** The site's comment settings with this minimum filling time and this disallowed list. */
    private void setComments(int minimumFillSeconds, String disallowedWords) {
        CommentSettings usual = site.wiring().site().comments();
        site.wiring().site().saveComments(new CommentSettings(usual.threadDepth(), usual.perPage(), usual.newestFirst(),
                usual.holdAll(), usual.trustPreviouslyApproved(), usual.linkLimit(), usual.moderationWords(),
                disallowedWords, usual.notifyAuthors(), usual.notifyModerators(), usual.keepAddressesDays(),
                minimumFillSeconds, usual.emptySpamAfterDays()));
    }

    /** A new reader who loads the page and takes half a minute over the comment, as people do. */
    private Comment written(String name, String website, String text) {
        return send(name, website, text, comments.formToken(article.id()), 30, "");
    }

    private static String reasonReceived(List<ModerationEntry> log) {
        return log.get(0).reason();
    }

    private List<ModerationEntry> log(Comment c) {
        return comments.log(c.id(), editor);
    }

    @Nested
    class The_field_people_never_see {
        @Test
        void filled_in_sends_the_comment_to_spam_and_says_why() {
            Comment caught = send("Ana Lima", "", ORDINARY, comments.formToken(article.id()), 30, "https://seo.example");
            assertThat(caught.status()).isEqualTo(CommentStatus.SPAM);
            assertThat(reasonReceived(log(caught))).isEqualTo("the field that people never see was filled in");
            assertThat(caught.spamReasons()).first().isEqualTo("the field that people never see was filled in");
        }

        @Test
        void left_empty_as_people_leave_it_catches_nothing() {
            assertThat(written("Ana Lima", "", ORDINARY).status()).isEqualTo(CommentStatus.PENDING);
        }
    }

    @Nested
    class The_forms_token {
        @Test
        void sent_sooner_after_the_page_than_a_person_can_type_is_spam() {
            Comment quick = send("Ana Lima", "", ORDINARY, comments.formToken(article.id()), 2, "");
            assertThat(quick.status()).isEqualTo(CommentStatus.SPAM);
            assertThat(reasonReceived(log(quick))).isEqualTo("sent 2 seconds after the page was loaded; a person takes at least 3");
        }

        @Test
        void the_minimum_time_is_the_sites_setting_and_zero_turns_the_timer_off() {
            setComments(0, "");
            assertThat(send("Ana Lima", "", ORDINARY, comments.formToken(article.id()), 0, "").status())
                    .isEqualTo(CommentStatus.PENDING);
        }

        @Test
        void a_page_loaded_more_than_a_day_before_has_an_expired_token() {
            Comment late = send("Ana Lima", "", ORDINARY, comments.formToken(article.id()), 25 * 3600, "");
            assertThat(late.status()).isEqualTo(CommentStatus.SPAM);
            assertThat(reasonReceived(log(late))).contains("expired");
        }

        @Test
        void no_token_means_the_page_was_never_loaded() {
            Comment blind = send("Ana Lima", "", ORDINARY, null, 30, "");
            assertThat(blind.status()).isEqualTo(CommentStatus.SPAM);
            assertThat(reasonReceived(log(blind))).contains("without the form’s token");
        }

        @Test
        void a_forged_token_or_one_of_another_article_is_spam() {
            Article other = site.articles().anArticle().headline("Another story").by(editor).publishedAt(TestSite.START).article();
            String token = comments.formToken(article.id());
            String forged = token.substring(0, token.indexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
            for (String bad : List.of(forged, comments.formToken(other.id()), "1718868480.anything", "<script>")) {
                Comment caught = send("Ana Lima", "", ORDINARY + " " + bad, bad, 30, "");
                assertThat(caught.status()).as(bad).isEqualTo(CommentStatus.SPAM);
                assertThat(reasonReceived(log(caught))).as(bad).contains("not the site’s");
            }
        }

        @Test
        void one_token_sent_twice_with_the_same_address_is_refused_and_nothing_stored() {
            String token = comments.formToken(article.id());
            site.clock().advance(Duration.ofSeconds(30));
            NewComment first = new NewComment(article.id(), null, "Ana Lima", "ana@example.net", "", ORDINARY,
                    "198.51.100.1", "Firefox", token, "");
            comments.post(first);
            site.clock().advance(Duration.ofSeconds(30));
            NewComment again = new NewComment(article.id(), null, "Ana Lima", "ANA@example.net ", "", "And another thing.",
                    "198.51.100.1", "Firefox", token, "");
            long before = comments.counts().values().stream().mapToLong(Long::longValue).sum();
            assertThatThrownBy(() -> comments.post(again)).isInstanceOf(CommentService.FormUsed.class);
            assertThat(comments.counts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before);
        }

        @Test
        void readers_of_one_cached_page_share_its_token_and_are_all_accepted() {
            String cachedPageToken = comments.formToken(article.id());
            Comment ana = send("Ana Lima", "", ORDINARY, cachedPageToken, 40, "");
            Comment ben = send("Ben Okafor", "", "Does anyone know whether the bus routes go back to normal next week?",
                    cachedPageToken, 50, "");
            Comment cat = send("Cat Jones", "", "The council said the same two years ago. I'll believe it when I see it.",
                    cachedPageToken, 3 * 3600, "");
            for (Comment c : List.of(ana, ben, cat)) {
                assertThat(c.status()).as(c.authorName()).isEqualTo(CommentStatus.PENDING);
                assertThat(reasonReceived(log(c))).isEqualTo("the first comment from this address");
            }
        }
    }

    @Nested
    class The_classifier {
        @Test
        void obvious_spam_on_a_new_site_goes_to_the_spam_folder_with_its_reasons() {
            Comment spam = written("Anna", "", "Make $500 a day from home, message me on WhatsApp +44 7700 900123");
            assertThat(spam.status()).isEqualTo(CommentStatus.SPAM);
            assertThat(spam.spamScore()).isGreaterThanOrEqualTo(SpamClassifier.SPAM_AT);
            // the reasons name what a person can check first: here the phone number and the sum of money
            assertThat(spam.spamReasons()).hasSize(4).contains("a phone number", "a sum of money");
            assertThat(reasonReceived(log(spam))).matches("the spam classifier gives it \\d+%");
        }

        @Test
        void obvious_spam_sent_while_a_new_sites_model_is_still_being_written_waits_for_it() throws Exception {
            try (TestSite fresh = TestSite.services()) {
                SpamClassifier unprepared = fresh.wiring().spam();
                try (AutoCloseable preparing = unprepared.prepareMeanwhile()) {
                    CommentScreening.Opinion opinion = unprepared.screen(new NewComment(1, null, "Anna",
                            "anna@example.net", "", "Make $500 a day from home, message me on WhatsApp +44 7700 900123",
                            "198.51.100.9", "Firefox", "token", ""));
                    assertThat(opinion.leaning()).isEqualTo(CommentScreening.Leaning.SPAM);
                }
            }
        }

        @Test
        void ordinary_readers_are_left_to_the_sites_rules_and_their_scores_kept() {
            for (String text : OTHER_READERS) {
                Comment c = written("Jon Park", "", text);
                assertThat(c.status()).as(text).isEqualTo(CommentStatus.PENDING);
                assertThat(reasonReceived(log(c))).isEqualTo("the first comment from this address");
                assertThat(c.spamScore()).isLessThan(SpamClassifier.HOLD_AT);
                assertThat(c.spamReasons()).as("nothing to explain").isEmpty();
            }
        }

        @Test
        void what_it_is_unsure_of_waits_for_a_moderator_even_from_a_trusted_address() {
            Comment linked = fromAnApprovedReader("Dr. Helen Marsh",
                    "The full inspection report is here: https://www.gov.example/bridge-report-2024.pdf (page 14 has the costs).");
            assertThat(linked.spamScore()).isBetween(SpamClassifier.HOLD_AT, SpamClassifier.SPAM_AT);
            assertThat(linked.status()).isEqualTo(CommentStatus.PENDING);
            assertThat(reasonReceived(log(linked))).endsWith("not sure either way");
        }

        @Test
        void after_moderators_mark_a_new_kind_of_spam_a_few_times_the_next_one_is_caught() {
            List<Double> before = CAMPAIGN.stream().map(text -> score("Marta Kowalska", CAMPAIGN_SITE, text)).toList();
            assertThat(before).allMatch(p -> p < SpamClassifier.HOLD_AT);
            for (String text : CAMPAIGN.subList(0, 5)) {
                Comment c = written("Marta Kowalska", CAMPAIGN_SITE, text);
                if (c.status() != CommentStatus.SPAM) comments.moderate(c.id(), CommentService.Action.SPAM, "", editor);
            }
            Comment next = written("Omar Haddad", CAMPAIGN_SITE, CAMPAIGN.get(5));
            assertThat(next.status()).isEqualTo(CommentStatus.SPAM);
            for (String text : OTHER_READERS) {
                assertThat(score("Jon Park", "", text)).as(text).isLessThan(SpamClassifier.HOLD_AT);
            }
        }

        @Test
        void approving_what_it_doubted_teaches_it_that_such_comments_are_wanted() {
            String text = "The full inspection report is here: https://www.gov.example/bridge-report-2024.pdf (page 14 has the costs).";
            assertThat(score("Dr. Helen Marsh", "", text)).isGreaterThanOrEqualTo(SpamClassifier.HOLD_AT);
            Comment held = written("Dr. Helen Marsh", "", text);
            comments.moderate(held.id(), CommentService.Action.APPROVE, "", editor);
            assertThat(score("Dr. Helen Marsh", "", text)).isLessThan(SpamClassifier.HOLD_AT);
        }

        @Test
        void a_comment_is_scored_from_the_weights_held_in_memory_exactly_as_from_those_stored() {
            List<String> weightsRead = new CopyOnWriteArrayList<>();
            site.wiring().database().jdbi().setSqlLogger(new SqlLogger() {
                @Override
                public void logAfterExecution(StatementContext context) {
                    if (context.getRenderedSql().contains("FROM spam_weights")) weightsRead.add(context.getRenderedSql());
                }
            });
            NewComment linked = new NewComment(article.id(), null, "Dr. Helen Marsh", "someone@example.net", "",
                    "The full inspection report is here: https://www.gov.example/bridge-report-2024.pdf", "", "", "", "");
            CommentScreening.Opinion first = classifier.screen(linked);
            assertThat(weightsRead).hasSize(1);

            CommentScreening.Opinion again = classifier.screen(linked);

            assertThat(weightsRead).as("held since the first").hasSize(1);
            CommentScreening.Opinion fromTheDatabase = new SpamClassifier(site.wiring().database().jdbi(), site.clock())
                    .screen(linked);
            assertThat(again).isEqualTo(first).isEqualTo(fromTheDatabase);
        }

        @Test
        void a_moderators_decision_and_a_training_change_the_next_score_at_once() {
            String text = "Interesting piece. Our family switched to solar panels and the bills dropped a lot.";
            double before = score("Marta Kowalska", CAMPAIGN_SITE, text);
            for (String campaign : CAMPAIGN.subList(0, 3)) {
                Comment c = written("Marta Kowalska", CAMPAIGN_SITE, campaign);
                if (c.status() != CommentStatus.SPAM) comments.moderate(c.id(), CommentService.Action.SPAM, "", editor);
            }
            double taught = score("Marta Kowalska", CAMPAIGN_SITE, text);
            assertThat(taught).isGreaterThan(before).isEqualTo(storedScore("Marta Kowalska", CAMPAIGN_SITE, text));

            classifier.retrain();

            double trained = score("Marta Kowalska", CAMPAIGN_SITE, text);
            assertThat(trained).isNotEqualTo(taught).isEqualTo(storedScore("Marta Kowalska", CAMPAIGN_SITE, text));
        }

        /** The score from the stored weights alone, by a classifier that holds none yet. */
        private double storedScore(String name, String website, String text) {
            return new SpamClassifier(site.wiring().database().jdbi(), site.clock()).screen(new NewComment(article.id(),
                    null, name, "someone@example.net", website, text, "", "", "", "")).spamProbability();
        }

        @Test
        void training_again_from_scratch_keeps_what_moderators_taught_it() {
            for (String text : CAMPAIGN.subList(0, 5)) {
                Comment c = written("Marta Kowalska", CAMPAIGN_SITE, text);
                if (c.status() != CommentStatus.SPAM) comments.moderate(c.id(), CommentService.Action.SPAM, "", editor);
            }
            assertThat(classifier.retrainIfDue()).as("trained less than an hour ago").isFalse();
            site.clock().advance(Duration.ofHours(2));
            assertThat(classifier.retrainIfDue()).isTrue();
            assertThat(classifier.retrainIfDue()).as("nothing new since").isFalse();
            // weighed against everything else, the lesson stands: the next one is not published, and why is plain
            Comment next = written("Omar Haddad", CAMPAIGN_SITE, CAMPAIGN.get(5));
            assertThat(next.status()).isIn(CommentStatus.PENDING, CommentStatus.SPAM);
            assertThat(next.spamScore()).isGreaterThanOrEqualTo(SpamClassifier.HOLD_AT);
            assertThat(next.spamReasons()).contains("the website solar-leads.example");
            for (String text : OTHER_READERS) {
                assertThat(written("Jon Park", "", text).spamScore()).as(text).isLessThan(SpamClassifier.HOLD_AT);
            }
        }

        @Test
        void the_newsrooms_own_replies_teach_it_nothing_and_are_not_judged() {
            Comment c = written("Jon Park", "", ORDINARY);
            comments.moderate(c.id(), CommentService.Action.APPROVE, "", editor);
            Comment reply = comments.replyAsStaff(c.id(), "Thanks, we will follow this up.", editor);
            assertThat(reply.spamScore()).isNull();
            assertThat(reply.spamReasons()).isEmpty();
        }

        @Test
        void erasing_a_readers_data_forgets_the_examples_their_comments_gave() {
            Account admin = site.wiring().accounts().open(new NewAccount("admin@example.org", "Ada Admin", Role.ADMINISTRATOR, null));
            Comment c = send("Zoë Quist", "zoe@example.net", "", ORDINARY, comments.formToken(article.id()), 30, "");
            comments.moderate(c.id(), CommentService.Action.APPROVE, "", editor);
            assertThat(examples()).isEqualTo(1);
            comments.erase("zoe@example.net", true, admin);
            assertThat(examples()).isZero();
        }

        @Test
        void the_reasons_are_words_a_moderator_understands() {
            Comment spam = written("Best SEO Services", "https://seo-rank.example", "Nice post! Visit my site for more.");
            assertThat(spam.spamReasons()).isNotEmpty().allSatisfy(reason -> assertThat(reason)
                    .doesNotContain("w:", "c:", "b:", "n:", "#"));
        }

        private double score(String name, String website, String text) {
            return classifier.screen(new NewComment(article.id(), null, name, "someone@example.net", website, text, "", "",
                    "", "")).spamProbability();
        }

        private int examples() {
            return site.wiring().database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM spam_examples")
                    .mapTo(Integer.class).one());
        }
    }

    @Nested
    class All_layers_together {
        @Test
        void each_catch_is_named_by_the_first_layer_that_caught_it() {
            setComments(3, "casino");
            String token = comments.formToken(article.id());
            String honeypotAndTooFast = reasonReceived(log(send("Ana", "", "casino casino", token, 1, "x")));
            assertThat(honeypotAndTooFast).isEqualTo("the field that people never see was filled in; "
                    + "sent 1 second after the page was loaded; a person takes at least 3");
            assertThat(reasonReceived(log(written("Ana", "", "Best casino bonus, win big today"))))
                    .isEqualTo("contains “casino”, a word of the disallowed list");
            assertThat(reasonReceived(log(written("Anna", "", "Make $500 a day from home, message me on WhatsApp +44 7700 900123"))))
                    .startsWith("the spam classifier gives it");
            assertThat(reasonReceived(log(written("Jon Park", "", ORDINARY)))).isEqualTo("the first comment from this address");
        }

        @Test
        void a_comment_that_passes_every_layer_from_a_known_reader_appears_at_once() {
            assertThat(fromAnApprovedReader("Jon Park", OTHER_READERS.get(1)).status()).isEqualTo(CommentStatus.APPROVED);
        }
    }

    @Nested
    class The_spam_folder {
        @Test
        void its_author_sees_a_caught_comment_as_waiting_and_nobody_else_sees_it() {
            Comment caught = send("Ana Lima", "", ORDINARY, null, 30, "");
            assertThat(comments.thread(article.id(), Set.of(caught.id()), 1).comments())
                    .extracting(node -> node.comment().id()).containsExactly(caught.id());
            assertThat(comments.thread(article.id(), Set.of(), 1).comments()).isEmpty();
        }

        @Test
        void a_comment_caught_by_mistake_is_rescued_with_one_click() {
            Comment caught = send("Ana Lima", "", ORDINARY, null, 30, "");
            Comment rescued = comments.moderate(caught.id(), CommentService.Action.APPROVE, "", editor);
            assertThat(rescued.status()).isEqualTo(CommentStatus.APPROVED);
            assertThat(comments.thread(article.id(), Set.of(), 1).comments()).hasSize(1);
        }

        @Test
        void empties_itself_of_comments_kept_longer_than_the_setting() {
            Comment old = send("Ana Lima", "", ORDINARY, null, 30, "");
            site.clock().advance(Duration.ofDays(20));
            Comment recent = send("Ben Okafor", "", ORDINARY + " Again.", null, 30, "");
            Comment waiting = written("Cat Jones", "", OTHER_READERS.get(0));
            site.clock().advance(Duration.ofDays(11));
            assertThat(comments.emptySpamFolder()).isEqualTo(1);
            assertThat(comments.byId(old.id())).isEmpty();
            assertThat(comments.byId(recent.id())).isPresent();
            assertThat(comments.byId(waiting.id())).isPresent();
            assertThat(comments.emptySpamFolder()).isZero();
        }

        @Test
        void counts_its_thirty_days_from_when_a_moderator_marked_a_comment_as_spam() {
            Comment c = written("Jon Park", "", ORDINARY);
            site.clock().advance(Duration.ofDays(25));
            comments.moderate(c.id(), CommentService.Action.SPAM, "", editor);
            site.clock().advance(Duration.ofDays(10));
            assertThat(comments.emptySpamFolder()).isZero();
            site.clock().advance(Duration.ofDays(21));
            assertThat(comments.emptySpamFolder()).isEqualTo(1);
        }
    }
}
