package dateline.comments;

import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.articles.FullArticle;
import dateline.mail.OutboxStatus;
import dateline.site.CommentSettings;
import dateline.site.Policies;
import dateline.site.SmtpServer;
import dateline.testing.Http;
import dateline.testing.TestSite;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The newsroom hears of readers' comments by mail, through the site's outbox and a real SMTP relay inside the
 * test (GreenMail): moderators when a comment waits for them, the article's authors when a comment is shown;
 * never the commenter, nothing when the settings say so, and a reader's post never waits for the relay.
 */
class CommentNotificationsTest {
    private static final String HEADLINE = "Harbour bridge reopens after repairs";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private TestSite site;
    private Http http;
    private GreenMail relay;
    private int relayPort;
    private FullArticle article;
    private Account editor;
    private String editorCookie;
    private String editorCsrf;

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        relayPort = freePort();
        relay = startRelay();
        site.wiring().site().saveAll(site.wiring().site().settings(), Policies.none(),
                new SmtpServer("127.0.0.1", relayPort, "none", "", "", "newsroom@example.org", "The Harbour Times"));
        open("ada@example.org", "Ada Lindqvist", Role.ADMINISTRATOR);
        editor = open("eda@example.org", "Eda Moreno", Role.EDITOR);
        Account nadia = open("nadia@example.org", "Nadia Rahman", Role.AUTHOR);
        Account omar = open("omar@example.org", "Omar Haddad", Role.AUTHOR);
        open("pia@example.org", "Pia Lund", Role.AUTHOR);
        Account cyril = open("cyril@example.org", "Cyril Obi", Role.CONTRIBUTOR);
        article = site.articles().anArticle().headline(HEADLINE).by(nadia, omar).publishedAt(site.clock().instant());
        site.articles().anArticle().headline("Ferry timetable to change").by(cyril).written();
        var session = site.wiring().sessions().begin(editor, "test");
        editorCookie = "dateline_session=" + session.token();
        editorCsrf = session.signedIn().csrfToken();
    }

    @AfterEach
    void closeSite() {
        site.close();
        relay.stop();
    }

    @Test
    void a_held_comment_mails_every_editor_and_administrator_a_link_to_it() throws Exception {
        long id = postComment("Lena Fischer", "lena@example.net", "Two hours in traffic on Monday.");
        assertThat(status(id)).isEqualTo(CommentStatus.PENDING);

        List<MimeMessage> mails = delivered(2);
        assertThat(recipients(mails)).containsExactlyInAnyOrder("ada@example.org", "eda@example.org");
        for (MimeMessage mail : mails) {
            assertThat(mail.getSubject()).isEqualTo("A comment waits for you on “" + HEADLINE + "”");
            assertThat(text(mail)).contains(site.baseUrl() + "/admin/comments/" + id + "\n")
                    .contains("Lena Fischer wrote:").contains("> Two hours in traffic on Monday.")
                    .doesNotContain("lena@example.net");
        }
        assertThat(http.get("/admin/comments/" + id, "Cookie", editorCookie).statusCode())
                .as("the link opens the comment for a moderator").isEqualTo(200);
    }

    @Test
    void approving_a_comment_mails_the_articles_authors() throws Exception {
        long id = postComment("Lena Fischer", "lena@example.net", "Two hours in traffic on Monday.");
        delivered(2);

        HttpResponse<String> approved = moderate(id, "approve");
        assertThat(approved.statusCode()).isEqualTo(303);
        List<MimeMessage> mails = delivered(4).subList(2, 4);
        assertThat(recipients(mails)).containsExactlyInAnyOrder("nadia@example.org", "omar@example.org");
        for (MimeMessage mail : mails) {
            assertThat(mail.getSubject()).isEqualTo("New comment on “" + HEADLINE + "”");
            assertThat(text(mail)).contains("Lena Fischer commented on your article")
                    .contains(site.baseUrl() + article.article().path() + "#comment-" + id);
        }

        moderate(id, "unapprove");
        moderate(id, "approve");
        assertThat(delivered(6)).as("every approval tells the authors").hasSize(6);
    }

    @Test
    void an_author_who_comments_as_a_reader_is_not_told_of_their_own_comment() throws Exception {
        long id = postComment("Omar Haddad", "Omar@Example.org", "A correction from the author: it was Tuesday.");
        assertThat(recipients(delivered(2))).containsExactlyInAnyOrder("ada@example.org", "eda@example.org");

        moderate(id, "approve");
        List<MimeMessage> mails = delivered(3);
        assertThat(recipients(mails.subList(2, 3))).containsExactly("nadia@example.org");
    }

    @Test
    void a_comment_shown_at_once_mails_the_authors_and_no_moderator() throws Exception {
        site.wiring().comments().importThreads(List.of(new CommentService.ImportedThread(article.article().id(), List.of(
                new CommentService.Imported(-1, "Lena Fischer", "lena@example.net", "", "An earlier comment.",
                        site.clock().instant(), CommentStatus.APPROVED)))));

        long id = postComment("Lena Fischer", "lena@example.net", "Back again: the buses run on time now.");
        assertThat(status(id)).isEqualTo(CommentStatus.APPROVED);
        List<MimeMessage> mails = delivered(2);
        assertThat(recipients(mails)).containsExactlyInAnyOrder("nadia@example.org", "omar@example.org");
        assertThat(text(mails.get(0))).contains("#comment-" + id).contains("> Back again: the buses run on time now.");
    }

    @Test
    void replying_to_a_waiting_comment_from_the_newsroom_approves_it_and_tells_the_authors_as_an_approval_does()
            throws Exception {
        long id = postComment("Lena Fischer", "lena@example.net", "Two hours in traffic on Monday.");
        delivered(2);
        HttpResponse<String> replied = http.post("/admin/comments/" + id + "/reply", Http.form("reply",
                "Thank you, we have added the traffic report.", "csrf", editorCsrf), "Cookie", editorCookie,
                "Origin", site.baseUrl());
        assertThat(replied.statusCode()).isEqualTo(303);
        assertThat(status(id)).isEqualTo(CommentStatus.APPROVED);
        assertThat(site.wiring().comments().log(id, editor)).extracting(ModerationEntry::action)
                .as("the approval is in the comment's record").contains("approve");

        // the authors hear of the reader's comment, now shown; nobody hears of the newsroom's own reply
        List<MimeMessage> mails = delivered(4).subList(2, 4);
        assertThat(recipients(mails)).containsExactlyInAnyOrder("nadia@example.org", "omar@example.org");
        for (MimeMessage mail : mails) {
            assertThat(text(mail)).contains("Lena Fischer commented on your article").contains("#comment-" + id + "\n");
        }
    }

    @Test
    void a_comment_caught_as_spam_mails_nobody() throws Exception {
        CommentSettings c = site.wiring().site().comments();
        site.wiring().site().saveComments(new CommentSettings(c.threadDepth(), c.perPage(), c.newestFirst(), c.holdAll(),
                c.trustPreviouslyApproved(), c.linkLimit(), c.moderationWords(), "cheap pills", c.notifyAuthors(),
                c.notifyModerators(), c.keepAddressesDays(), c.minimumFillSeconds(), c.emptySpamAfterDays()));
        long id = postComment("Pill Seller", "pills@example.net", "Cheap pills, delivered overnight.");
        assertThat(status(id)).isEqualTo(CommentStatus.SPAM);
        assertThat(site.wiring().mail().status()).isEqualTo(new OutboxStatus(0, 0, 0));
    }

    @Nested
    class When_the_settings_switch_notifications_off {
        @Test
        void nothing_is_mailed_at_all() throws Exception {
            notify(false, false);
            long held = postComment("Lena Fischer", "lena@example.net", "Two hours in traffic on Monday.");
            moderate(held, "approve");
            long shown = postComment("Lena Fischer", "lena@example.net", "Back again: the buses run on time now.");
            assertThat(status(shown)).isEqualTo(CommentStatus.APPROVED);

            assertThat(site.wiring().mail().status()).isEqualTo(new OutboxStatus(0, 0, 0));
            assertThat(relay.waitForIncomingEmail(2_500, 1)).isFalse();
        }

        @Test
        void without_moderators_notices_the_authors_still_hear_of_approved_comments() throws Exception {
            notify(true, false);
            long held = postComment("Lena Fischer", "lena@example.net", "Two hours in traffic on Monday.");
            assertThat(site.wiring().mail().status()).isEqualTo(new OutboxStatus(0, 0, 0));
            moderate(held, "approve");
            assertThat(recipients(delivered(2))).containsExactlyInAnyOrder("nadia@example.org", "omar@example.org");
        }

        @Test
        void without_authors_notices_the_moderators_still_hear_of_held_comments() throws Exception {
            notify(false, true);
            long held = postComment("Lena Fischer", "lena@example.net", "Two hours in traffic on Monday.");
            assertThat(recipients(delivered(2))).containsExactlyInAnyOrder("ada@example.org", "eda@example.org");
            moderate(held, "approve");
            postComment("Lena Fischer", "lena@example.net", "Back again: the buses run on time now.");
            assertThat(site.wiring().mail().status()).isEqualTo(new OutboxStatus(0, 2, 0));
        }

        private void notify(boolean authors, boolean moderators) {
            CommentSettings c = site.wiring().site().comments();
            site.wiring().site().saveComments(new CommentSettings(c.threadDepth(), c.perPage(), c.newestFirst(),
                    c.holdAll(), c.trustPreviouslyApproved(), c.linkLimit(), c.moderationWords(), c.disallowedWords(),
                    authors, moderators, c.keepAddressesDays(), c.minimumFillSeconds(), c.emptySpamAfterDays()));
        }
    }

    @Test
    void posting_never_waits_for_the_relay_and_the_mail_goes_once_it_is_back() throws Exception {
        relay.stop();
        long started = System.nanoTime();
        long id = postComment("Lena Fischer", "lena@example.net", "Two hours in traffic on Monday.");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(status(id)).isEqualTo(CommentStatus.PENDING);

        // the background delivery tries, fails, and keeps both messages for later
        awaitTrue("a failed delivery attempt", () -> failedAttempts() >= 2);
        assertThat(site.wiring().mail().status().waiting()).isEqualTo(2);

        relay = startRelay();
        site.clock().advance(Duration.ofMinutes(2)); // past the first wait after a failed attempt
        assertThat(recipients(delivered(2))).containsExactlyInAnyOrder("ada@example.org", "eda@example.org");
        assertThat(site.wiring().mail().status()).isEqualTo(new OutboxStatus(0, 2, 0));
    }

    // ---- helpers

    private Account open(String email, String name, Role role) {
        return site.wiring().accounts().open(new NewAccount(email, name, role, null));
    }

    /** A reader posts the comment form as their browser sends it; answers the new comment's id. */
    private long postComment(String name, String email, String text) {
        String token = CommentForms.tokenOn(http, article.article().path());
        site.clock().advance(Duration.ofSeconds(20)); // past the flood limit: every post here comes from one address
        HttpResponse<String> posted = http.post("/comments", Http.form("article", Long.toString(article.article().id()),
                "comment", text, "name", name, "email", email, "website", "", "form_token", token), "Origin", site.baseUrl());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        String location = header(posted, "location");
        return Long.parseLong(location.substring(location.lastIndexOf("#comment-") + "#comment-".length()));
    }

    private HttpResponse<String> moderate(long id, String action) {
        HttpResponse<String> response = http.post("/admin/comments/" + id + "/moderate",
                Http.form("action", action, "csrf", editorCsrf), "Cookie", editorCookie, "Origin", site.baseUrl());
        assertThat(response.statusCode()).isEqualTo(303);
        return response;
    }

    private CommentStatus status(long id) {
        return site.wiring().comments().byId(id).orElseThrow().status();
    }

    /** Waits until the relay holds this many messages and the outbox has nothing left to send; answers them all. */
    private List<MimeMessage> delivered(int count) {
        awaitTrue(count + " messages delivered", () -> relay.getReceivedMessages().length >= count
                && site.wiring().mail().status().waiting() == 0);
        MimeMessage[] messages = relay.getReceivedMessages();
        assertThat(messages).as("no more messages than expected").hasSize(count);
        return List.of(messages);
    }

    private long failedAttempts() {
        return site.wiring().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM mail_outbox WHERE attempts > 0 AND sent_at IS NULL").mapTo(Long.class).one());
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> recipients(List<MimeMessage> mails) throws MessagingException {
        return mails.stream().map(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Object::toString).reduce((a, b) -> a + "," + b).orElse("");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(MimeMessage mail) throws MessagingException, IOException {
        return ((String) mail.getContent()).replace("\r\n", "\n");
    }

    private GreenMail startRelay() {
        GreenMail started = new GreenMail(new ServerSetup(relayPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        started.start();
        return started;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
