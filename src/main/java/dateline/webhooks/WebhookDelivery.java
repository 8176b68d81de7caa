package dateline.webhooks;

import dateline.storage.OutboxWorker;
import dateline.storage.OutboxWorker.Attempt;
import dateline.webhooks.WebhookRepository.Outgoing;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Posts the due webhook deliveries, signed, on one background thread of this node; any number of nodes may
 * deliver from one database, each delivery claimed before it is posted ({@link OutboxWorker}). A 2xx answer
 * is delivered; anything else (another status, a redirect, which is not followed, a timeout, a refused
 * connection) is tried again after 1 minute, 5 minutes, 30 minutes, 2 hours and 6 hours, and then failed.
 */
public final class WebhookDelivery implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than one whole post with every timeout reached. */
    static final Duration CLAIM = Duration.ofMinutes(1);
    /** How long to wait after the first, second… failed attempt; the sixth is the last. */
    public static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));
    /** How much of a refusing receiver's answer the log keeps. */
    private static final int ANSWER_KEPT = 200;

    private final OutboxWorker<Outgoing> worker;

    public WebhookDelivery(Jdbi jdbi, Clock clock, String nodeName) {
        WebhookRepository repository = new WebhookRepository(jdbi);
        Poster poster = new Poster(repository, new Client(), clock);
        this.worker = new OutboxWorker<>(jdbi, WebhookRepository.OUTBOX,
                new OutboxWorker.Policy("webhook-deliveries", INTERVAL, CLAIM, BACKOFF), () -> Optional.of(poster),
                clock, nodeName);
    }

    /** Delivers what is due at once and then every {@link #INTERVAL} on a background thread, until {@link #close()}. */
    public WebhookDelivery start() {
        worker.start();
        return this;
    }

    /** Posts every delivery that is due now and no other deliverer holds; answers how many were delivered. */
    public int deliverDue() {
        return worker.deliverDue();
    }

    @Override
    public void close() {
        worker.close();
    }

    /** Posts one delivery: the stored body exactly, signed at the moment of posting. */
    /**
     * The HTTP client, built at the first post: building one reads the system's trusted certificates (a few
     * hundred classes and a tenth of a second of processor time), which a server that has nothing to deliver
     * should not pay for as it starts.
     */
    private static final class Client {
        private HttpClient client;

        synchronized HttpClient get() {
            if (client == null) {
                client = HttpClient.newBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
            }
            return client;
        }
    }

    private record Poster(WebhookRepository repository, Client client, Clock clock)
            implements OutboxWorker.Courier<Outgoing> {
        @Override
        public Optional<Outgoing> claimed(Handle h, long id) {
            return repository.outgoing(h, id);
        }

        @Override
        public int attempts(Outgoing delivery) {
            return delivery.attempts();
        }

        @Override
        public String named(Outgoing delivery) {
            return "webhook delivery " + delivery.id() + " (" + delivery.event() + ") to " + Webhook.hostOf(delivery.url());
        }

        @Override
        public Attempt deliver(Outgoing delivery) {
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(URI.create(delivery.url()))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "Dateline-Webhooks/1")
                        .header("Dateline-Event", delivery.event())
                        .header("Dateline-Delivery", Long.toString(delivery.id()))
                        .header(Signatures.HEADER, Signatures.header(delivery.secret(),
                                clock.instant().getEpochSecond(), delivery.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                        .build();
            } catch (IllegalArgumentException e) {
                return Attempt.failed(null, "The address cannot be posted to: " + e.getMessage());
            }
            try {
                HttpResponse<InputStream> response = client.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
                String answer = beginningOf(response.body());
                int status = response.statusCode();
                if (status >= 200 && status < 300) return Attempt.delivered(status);
                return Attempt.failed(status, "HTTP " + status + (status >= 300 && status < 400
                        ? ": redirects are not followed; give the final address" : "")
                        + (answer.isBlank() ? "" : ": " + answer));
            } catch (IOException e) {
                return Attempt.failed(null, OutboxWorker.describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Attempt.failed(null, "Interrupted while posting");
            }
        }

        /** The start of the receiver's answer, for the log; the rest is not read. */
        private static String beginningOf(InputStream body) throws IOException {
            try (body) {
                return new String(body.readNBytes(ANSWER_KEPT), StandardCharsets.UTF_8);
            }
        }
    }
}
