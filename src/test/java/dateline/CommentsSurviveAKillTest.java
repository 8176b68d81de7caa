package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test: while readers post comments through the real HTTP form, the server process is killed
 * (SIGKILL, no chance to tidy up) at a random moment, and started again on the same data folder, ten
 * times. The moment is the one a lost comment would hide in: right after a random one of the success
 * answers, while the server may still be writing that comment or the next. Every comment that got the form's success answer is stored, whole; and every stored comment is
 * whole, never half-written.
 */
class CommentsSurviveAKillTest {
    private static final int KILLS = 10;
    private static final int CLIENTS = 4;
    /** Quick to start: the server lives a second or two each time. */
    private static final String[] JAVA = {"-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"};

    @Test
    void every_acknowledged_comment_is_stored_whole_after_ten_kills(@TempDir Path folder) throws Exception {
        Path data = folder.resolve("site");
        CommentLoad.Target target = CommentLoad.prepare(data);
        Path log = folder.resolve("server.log");
        Random random = new Random(8);
        AtomicLong numbers = new AtomicLong();
        Map<Long, Long> acknowledged = new ConcurrentHashMap<>(); // comment id → the number it was posted with
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                int port = freePort();
                Process server = CommentLoad.serve(data, port, log, JAVA);
                try {
                    assertThat(CommentLoad.awaitHealthy(port, Duration.ofSeconds(60))).as("start %d; see %s", kill, log)
                            .isTrue();
                    String token = CommentLoad.formToken(port, target.articleId());
                    AtomicInteger untilKill = new AtomicInteger(1 + random.nextInt(12));
                    List<Future<?>> posting = new ArrayList<>();
                    for (int c = 0; c < CLIENTS; c++) {
                        posting.add(clients.submit(() ->
                                postUntilRefused(port, target, token, numbers, acknowledged, untilKill, server)));
                    }
                    for (Future<?> client : posting) client.get(60, TimeUnit.SECONDS);
                } finally {
                    server.destroyForcibly();
                    assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("Comments acknowledged over %d kills: %d (of %d posted)%n", KILLS, acknowledged.size(),
                numbers.get());

        assertThat(acknowledged).as("comments were acknowledged before the kills").hasSizeGreaterThan(KILLS);
        assertThat(Files.readString(log)).doesNotContain("SQLITE_CORRUPT");
        Settings settings = Settings.resolve(Map.of("data", data.toString()), Map.of());
        try (Wiring wiring = Wiring.open(settings, Clock.systemUTC())) {
            acknowledged.forEach((id, n) -> assertThat(wiring.comments().byId(id)).as("acknowledged comment %d", id)
                    .hasValueSatisfying(comment -> {
                        assertThat(comment.authorName()).isEqualTo("Reader " + n);
                        assertThat(comment.bodyHtml()).contains("Reader " + n + " writes");
                    }));
            List<Map<String, Object>> stored = wiring.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT c.id, c.author_name, c.body, c.body_html, (SELECT COUNT(*) FROM moderation_log m "
                            + "WHERE m.comment_id = c.id) AS logged FROM comments c").mapToMap().list());
            assertThat(stored).hasSizeGreaterThanOrEqualTo(acknowledged.size());
            for (Map<String, Object> row : stored) {
                String name = (String) row.get("author_name");
                long n = Long.parseLong(name.substring("Reader ".length()));
                assertThat(row.get("body")).as("comment %s", row.get("id")).isEqualTo(CommentLoad.textOf(n));
                assertThat((String) row.get("body_html")).contains(CommentLoad.textOf(n).substring(0, 20));
                assertThat(((Number) row.get("logged")).intValue()).as("its moderation record").isEqualTo(1);
            }
        }
    }

    /**
     * Posts comments one after another until the server stops answering; the client whose success answer
     * brings the count down to zero kills the server at once.
     */
    private static void postUntilRefused(int port, CommentLoad.Target target, String token, AtomicLong numbers,
                                         Map<Long, Long> acknowledged, AtomicInteger untilKill, Process server) {
        while (true) {
            long n = numbers.getAndIncrement();
            try {
                CommentLoad.Answer answer = CommentLoad.post(port, target, token, n);
                if (answer.accepted()) {
                    acknowledged.put(answer.commentId(), n);
                    if (untilKill.decrementAndGet() == 0) server.destroyForcibly(); // SIGKILL on Linux
                } else if (answer.status() != 303) return; // a half answer as the process died
            } catch (IOException e) {
                return; // the server is gone
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
