package dateline.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dateline.mail.MailSettings.Security;
import dateline.web.InvalidInput;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailServiceTest {
    private MailSite site;
    private MailService mail;

    @BeforeEach
    void openSite() {
        site = new MailSite();
        mail = site.mail();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    private static Mail aMail(String subject) {
        return new Mail("reader@example.net", subject, "Follow the link to choose a new password.");
    }

    @Test
    void enqueuing_never_waits_for_the_relay_even_while_a_delivery_hangs_on_it() throws Exception {
        // a relay whose connections are accepted (queued by the system) but that never says a word
        try (ServerSocket silentRelay = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            site.use(new MailSettings("127.0.0.1", silentRelay.getLocalPort(), null, null, "newsroom@example.org",
                    null, Security.NONE));
            long first = mail.enqueue(aMail("First"));
            CompletableFuture<Integer> delivering = CompletableFuture.supplyAsync(site.deliverer("node-a")::deliverDue);
            long waited = 0;
            while (site.row(first).claimedBy() == null && waited < 5000) {
                Thread.sleep(20);
                waited += 20;
            }
            assertThat(site.row(first).claimedBy()).as("the deliverer is waiting for the relay").isEqualTo("node-a");

            long started = System.nanoTime();
            long second = mail.enqueue(aMail("Second"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(delivering).isNotDone();
            assertThat(site.row(second).attempts()).isZero();

            silentRelay.close();
            assertThat(delivering.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(mail.status()).isEqualTo(new OutboxStatus(2, 0, 0));
        }
    }

    @Test
    void a_message_goes_to_one_plain_address_with_a_one_line_subject() {
        assertThat(new Mail(" reader@example.net ", " Reset your password ", "Hello").to()).isEqualTo("reader@example.net");
        for (String to : new String[] {"", "reader", "@example.net", "reader@", "a@example.net, b@example.net",
                "Reader <reader@example.net>", "reader@example.net\r\nBcc: x@example.net"}) {
            assertThatThrownBy(() -> mail.enqueue(new Mail(to, "Subject", "Hello"))).as(to)
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).containsOnlyKeys("to"));
        }
        assertThatThrownBy(() -> mail.enqueue(new Mail("reader@example.net", "Subject\r\nBcc: x@example.net", " ")))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("subject", "text"));
        assertThat(mail.status()).isEqualTo(new OutboxStatus(0, 0, 0));
    }

    @Test
    void purging_removes_only_messages_sent_or_given_up_longer_ago_than_asked() {
        OutboxDelivery delivery = site.deliverer("node-a");
        site.startRelay();
        long sentLongAgo = mail.enqueue(aMail("Sent long ago"));
        delivery.deliverDue();
        site.stopRelay();
        long givenUpLongAgo = mail.enqueue(aMail("Given up long ago"));
        for (Duration backoff : OutboxDelivery.BACKOFF) {
            delivery.deliverDue();
            site.clock().advance(backoff);
        }
        delivery.deliverDue();
        assertThat(mail.status()).isEqualTo(new OutboxStatus(0, 1, 1));

        site.clock().advance(Duration.ofDays(40));
        site.startRelay();
        long sentRecently = mail.enqueue(aMail("Sent recently"));
        delivery.deliverDue();
        site.stopRelay();
        long waiting = mail.enqueue(aMail("Waiting"));
        delivery.deliverDue();

        assertThat(mail.purgeDelivered(Duration.ofDays(30))).isEqualTo(2);
        assertThat(mail.status()).isEqualTo(new OutboxStatus(1, 1, 0));
        assertThat(site.row(sentRecently).sentAt()).isNotNull();
        assertThat(site.row(waiting).attempts()).isEqualTo(1);
        assertThat(site.isKept(sentLongAgo)).isFalse();
        assertThat(site.isKept(givenUpLongAgo)).isFalse();
    }
}
