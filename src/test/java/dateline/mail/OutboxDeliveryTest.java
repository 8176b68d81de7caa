package dateline.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dateline.mail.MailSettings.Security;
import dateline.testing.TestSite;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OutboxDeliveryTest {
    private MailSite site;
    private MailService mail;
    private OutboxDelivery delivery;

    @BeforeEach
    void openSite() {
        site = new MailSite();
        mail = site.mail();
        delivery = site.deliverer("node-a");
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private static Mail aMail() {
        return new Mail("reader@example.net", "Reset your password", "Follow the link to choose a new password.");
    }

    @Nested
    class WhenTheRelayIsUp {
        @BeforeEach
        void startRelay() {
            site.startRelay();
        }

        @Test
        void a_message_is_delivered_once_from_the_site_to_its_recipient_with_a_utf8_body() throws Exception {
            long id = mail.enqueue(new Mail("reader@example.net", "Grüezi — reset your password",
                    "Zürich — “quotes”"));

            assertThat(delivery.deliverDue()).isEqualTo(1);
            assertThat(delivery.deliverDue()).isZero();

            assertThat(site.received()).hasSize(1);
            MimeMessage received = site.received().get(0);
            InternetAddress from = (InternetAddress) received.getFrom()[0];
            assertThat(from.getAddress()).isEqualTo("newsroom@example.org");
            assertThat(from.getPersonal()).isEqualTo("Die Zürcher Zeitung");
            assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                    .containsExactly("reader@example.net");
            assertThat(received.getSubject()).isEqualTo("Grüezi — reset your password");
            assertThat(received.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
            assertThat(received.getContent()).isEqualTo("Zürich — “quotes”");
            assertThat(received.getSentDate()).isEqualTo(Date.from(TestSite.START));
            assertThat(received.getMessageID()).isNotBlank();
            assertThat(site.row(id).sentAt()).isEqualTo(TestSite.START);
            assertThat(mail.status()).isEqualTo(new OutboxStatus(0, 1, 0));
        }

        @Test
        void two_deliverers_racing_over_many_messages_send_each_message_exactly_once() throws Exception {
            int count = 40;
            for (int i = 0; i < count; i++) {
                mail.enqueue(new Mail("reader" + i + "@example.net", "Message " + i, "Body " + i));
            }
            OutboxDelivery otherNode = site.deliverer("node-b");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Integer> a = threads.submit(() -> {
                    go.await();
                    return delivery.deliverDue();
                });
                Future<Integer> b = threads.submit(() -> {
                    go.await();
                    return otherNode.deliverDue();
                });
                go.countDown();
                assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(count);
            } finally {
                threads.shutdownNow();
            }
            List<String> subjects = site.received().stream().map(OutboxDeliveryTest::subjectOf).toList();
            assertThat(subjects).hasSize(count).doesNotHaveDuplicates();
            assertThat(mail.status()).isEqualTo(new OutboxStatus(0, count, 0));
        }

        @Test
        void a_site_without_a_relay_sends_nothing_and_its_messages_wait() {
            site.use(MailSettings.none());
            long id = mail.enqueue(aMail());

            assertThat(mail.isConfigured()).isFalse();
            assertThat(delivery.deliverDue()).isZero();
            assertThat(site.received()).isEmpty();
            assertThat(site.row(id).attempts()).isZero();
            assertThat(site.row(id).claimedBy()).isNull();
            assertThat(mail.status()).isEqualTo(new OutboxStatus(1, 0, 0));

            site.use(site.relaySettings(Security.NONE));
            assertThat(delivery.deliverDue()).isEqualTo(1);
        }

        @Test
        void a_relay_that_cannot_start_tls_is_sent_nothing_when_starttls_is_chosen() {
            site.use(site.relaySettings(Security.STARTTLS));
            long id = mail.enqueue(aMail());

            assertThat(delivery.deliverDue()).isZero();
            assertThat(site.received()).isEmpty();
            assertThat(site.row(id).lastError()).contains("STARTTLS");
        }

        @Test
        void started_delivery_sends_in_the_background_and_stops_when_closed() throws Exception {
            delivery.start();
            mail.enqueue(aMail());
            assertThat(site.awaitReceived(1, Duration.ofSeconds(10))).isTrue();

            long closing = System.nanoTime();
            delivery.close();
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(1));
            long late = mail.enqueue(aMail());
            Thread.sleep(OutboxDelivery.INTERVAL.plusSeconds(1).toMillis());
            assertThat(site.row(late).sentAt()).isNull();
            assertThat(site.received()).hasSize(1);
        }
    }

    @Nested
    class WhenTheRelayIsDown {

        @Test
        void the_message_is_tried_again_after_its_backoff_and_delivered_once_the_relay_is_back() {
            long id = mail.enqueue(aMail());
            assertThat(delivery.deliverDue()).isZero();
            assertThat(site.row(id).attempts()).isEqualTo(1);
            assertThat(site.row(id).lastError()).isNotBlank();
            assertThat(site.row(id).nextAttemptAt()).isEqualTo(TestSite.START.plus(Duration.ofMinutes(1)));

            site.startRelay();
            assertThat(delivery.deliverDue()).as("not before the backoff has passed").isZero();
            site.clock().advance(Duration.ofSeconds(59));
            assertThat(delivery.deliverDue()).isZero();
            site.clock().advance(Duration.ofSeconds(1));
            assertThat(delivery.deliverDue()).isEqualTo(1);

            assertThat(site.received()).hasSize(1);
            assertThat(mail.status()).isEqualTo(new OutboxStatus(0, 1, 0));
        }

        @Test
        void after_six_failed_attempts_a_message_is_given_up_and_kept_with_its_error_but_never_the_password() {
            long id = mail.enqueue(aMail());
            for (Duration backoff : OutboxDelivery.BACKOFF) {
                Instant now = site.clock().instant();
                assertThat(delivery.deliverDue()).isZero();
                assertThat(site.row(id).nextAttemptAt()).isEqualTo(now.plus(backoff));
                site.clock().advance(backoff);
            }
            assertThat(delivery.deliverDue()).isZero();

            MailSite.Outboxed row = site.row(id);
            assertThat(row.attempts()).isEqualTo(6);
            assertThat(row.failedAt()).isEqualTo(site.clock().instant());
            assertThat(row.sentAt()).isNull();
            assertThat(row.lastError()).contains("onnect").doesNotContain(MailSite.PASSWORD);
            assertThat(mail.status()).isEqualTo(new OutboxStatus(0, 0, 1));

            site.startRelay();
            site.clock().advance(Duration.ofDays(1));
            assertThat(delivery.deliverDue()).isZero();
            assertThat(site.received()).isEmpty();
            assertThat(site.row(id).attempts()).isEqualTo(6);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
