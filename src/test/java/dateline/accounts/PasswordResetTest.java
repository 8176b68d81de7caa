package dateline.accounts;

import static dateline.testing.Pages.first;
import static dateline.testing.Pages.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dateline.site.Policies;
import dateline.site.SmtpServer;
import dateline.testing.Http;
import dateline.testing.TestSite;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** "Forgot your password?", through the real pages and a real SMTP relay inside the test. */
class PasswordResetTest {
    private TestSite site;
    private Http http;
    private Account member;

    @BeforeEach
    void openSite() {
        site = TestSite.serving();
        http = site.http();
        member = site.wiring().accounts().open(new NewAccount("rita@example.org", "Rita Alves", Role.EDITOR,
                "tide tables and ferry times"));
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    /** Posts a form of the site as a visitor, with the token the sign-in page gives. */
    private HttpResponse<String> post(String postPath, Map<String, String> fields) {
        return http.visitorForm("/login").post(postPath, fields);
    }

    @Test
    void a_site_without_a_mail_server_says_so_instead_of_pretending_to_send() {
        assertThat(http.get("/forgot-password").body()).contains("This site cannot send e-mail yet");
        HttpResponse<String> response = post("/forgot-password", Http.form("email", "rita@example.org"));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("cannot send e-mail");
        assertThat(site.wiring().mail().status().waiting()).isZero();
    }

    @Nested
    class With_a_mail_server {
        private GreenMail relay;

        @BeforeEach
        void startRelay() {
            int port = freePort();
            relay = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
            relay.start();
            site.wiring().site().saveAll(site.wiring().site().settings(), Policies.none(),
                    new SmtpServer("127.0.0.1", port, "none", "", "", "newsroom@example.org", "The Harbour Times"));
        }

        @AfterEach
        void stopRelay() {
            relay.stop();
        }

        private String linkFromMail() {
            assertThat(relay.waitForIncomingEmail(15_000, 1)).as("a mail arrives").isTrue();
            MimeMessage[] messages = relay.getReceivedMessages();
            assertThat(messages).hasSize(1);
            String body = GreenMailUtil.getBody(messages[0]).replace("=\r\n", "").replace("=3D", "=");
            return first(body, "(/reset-password\\?token=[A-Za-z0-9_-]+)");
        }

        @Test
        void the_link_sets_a_new_password_once_and_signs_the_account_out_everywhere() throws Exception {
            SessionService.Started elsewhere = site.wiring().sessions().begin(member, "another browser");
            HttpResponse<String> asked = post("/forgot-password", Http.form("email", "Rita@Example.org"));
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.body()).contains("If an account has this address");
            String link = linkFromMail();
            assertThat(relay.getReceivedMessages()[0].getSubject()).isEqualTo("Choose a new password for Dateline");

            HttpResponse<String> form = http.get(link);
            assertThat(form.statusCode()).isEqualTo(200);
            String token = link.substring(link.indexOf('=') + 1);
            HttpResponse<String> weak = post("/reset-password", Http.form("token", token, "password", "short"));
            assertThat(weak.statusCode()).isEqualTo(422);
            assertThat(weak.body()).contains("id=\"password-error\"");

            HttpResponse<String> done = post("/reset-password", Http.form("token", token,
                    "password", "lighthouse keeper's new logbook"));
            assertThat(done.statusCode()).isEqualTo(303);
            assertThat(header(done, "location")).isEqualTo("/login?done=password");
            assertThat(site.wiring().accounts().passwordMatches("rita@example.org", "lighthouse keeper's new logbook")).isTrue();
            assertThat(site.wiring().sessions().identify(elsewhere.token())).isEmpty();

            assertThat(http.get(link).statusCode()).isEqualTo(404);
            HttpResponse<String> again = post("/reset-password", Http.form("token", token,
                    "password", "yet another long passphrase"));
            assertThat(again.statusCode()).isEqualTo(422);
            assertThat(site.wiring().accounts().passwordMatches("rita@example.org", "lighthouse keeper's new logbook")).isTrue();
        }

        @Test
        void an_address_without_an_account_gets_the_same_answer_and_no_mail() {
            HttpResponse<String> asked = post("/forgot-password", Http.form("email", "nobody@example.org"));
            assertThat(asked.statusCode()).isEqualTo(200);
            assertThat(asked.body()).contains("If an account has this address");
            assertThat(relay.waitForIncomingEmail(3_000, 1)).isFalse();
        }

        @Test
        void a_link_expires_after_an_hour() {
            post("/forgot-password", Http.form("email", "rita@example.org"));
            String link = linkFromMail();
            site.clock().advance(Duration.ofMinutes(61));
            assertThat(http.get(link).statusCode()).isEqualTo(404);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
