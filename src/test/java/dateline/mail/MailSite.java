package dateline.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dateline.mail.MailSettings.Security;
import dateline.testing.MutableClock;
import dateline.testing.TestSite;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * A test site with its mail: the outbox, deliverers named like nodes, settings the test can change, and an
 * SMTP relay inside the test (GreenMail) on a loopback port that stays the same when it stops and starts.
 */
final class MailSite implements AutoCloseable {
    static final String PASSWORD = "relay-secret-4711";

    /** One row of the outbox, as a test inspects it. */
    record Outboxed(int attempts, Instant nextAttemptAt, Instant sentAt, Instant failedAt, String lastError,
                    String claimedBy) {}

    private final TestSite site = TestSite.services();
    private final int relayPort = freePort();
    private final AtomicReference<MailSettings> settings = new AtomicReference<>(relaySettings(Security.NONE));
    private final MailService mail = new MailService(jdbi(), settings::get, site.clock());
    private final List<OutboxDelivery> deliverers = new ArrayList<>();
    private GreenMail relay;

    MailSettings relaySettings(Security security) {
        return new MailSettings("127.0.0.1", relayPort, "newsroom", PASSWORD, "newsroom@example.org",
                "Die Zürcher Zeitung", security);
    }

    void use(MailSettings newSettings) {
        settings.set(newSettings);
    }

    MailService mail() {
        return mail;
    }

    OutboxDelivery deliverer(String nodeName) {
        OutboxDelivery delivery = new OutboxDelivery(jdbi(), settings::get, site.clock(), nodeName);
        deliverers.add(delivery);
        return delivery;
    }

    MutableClock clock() {
        return site.clock();
    }

    Jdbi jdbi() {
        return site.wiring().database().jdbi();
    }

    Outboxed row(long id) {
        return jdbi().withHandle(h -> h.createQuery("SELECT attempts, next_attempt_at, sent_at, failed_at, "
                        + "last_error, claimed_by FROM mail_outbox WHERE id = :id")
                .bind("id", id)
                .map(ConstructorMapper.of(Outboxed.class))
                .one());
    }

    boolean isKept(long id) {
        return jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM mail_outbox WHERE id = :id")
                .bind("id", id).mapTo(Integer.class).one()) == 1;
    }

    void startRelay() {
        relay = new GreenMail(new ServerSetup(relayPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        relay.setUser("newsroom@example.org", "newsroom", PASSWORD);
        relay.start();
    }

    void stopRelay() {
        if (relay != null) relay.stop();
    }

    /** What the relay has received since it last started. */
    List<MimeMessage> received() {
        return relay == null ? List.of() : List.of(relay.getReceivedMessages());
    }

    boolean awaitReceived(int count, Duration within) {
        return relay.waitForIncomingEmail(within.toMillis(), count);
    }

    @Override
    public void close() {
        deliverers.forEach(OutboxDelivery::close);
        stopRelay();
        site.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
