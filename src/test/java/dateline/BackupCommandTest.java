package dateline;

import static dateline.testing.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.storage.ServingMark;
import dateline.testing.Commands.Run;
import dateline.testing.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dateline backup} and {@code dateline restore}, as an operator runs them beside a serving site. */
class BackupCommandTest {
    private static Wiring open(Path data) {
        return Wiring.open(Settings.resolve(Map.of("data", data.toString()), Map.of()), Clock.systemUTC());
    }

    @Test
    void a_backup_taken_while_comments_arrive_restores_to_a_serving_site_with_every_comment_acknowledged_before_it(
            @TempDir Path folder) throws Exception {
        Path data = folder.resolve("site");
        CommentLoad.Target target = CommentLoad.prepare(data);
        int port = freePort();
        Process server = CommentLoad.serve(data, port, folder.resolve("server.log"), "-Xmx256m", "-XX:TieredStopAtLevel=1");
        Map<Long, Long> acknowledged = new ConcurrentHashMap<>();
        Set<Long> beforeBackup;
        long afterBackup;
        Run backup;
        ExecutorService clients = Executors.newFixedThreadPool(3);
        AtomicBoolean posting = new AtomicBoolean(true);
        try {
            assertThat(CommentLoad.awaitHealthy(port, Duration.ofSeconds(60))).isTrue();
            String token = CommentLoad.formToken(port, target.articleId());
            AtomicLong numbers = new AtomicLong();
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                running.add(clients.submit(() -> {
                    while (posting.get()) {
                        long n = numbers.getAndIncrement();
                        CommentLoad.Answer answer = CommentLoad.post(port, target, token, n);
                        if (answer.accepted()) acknowledged.put(answer.commentId(), n);
                    }
                    return null;
                }));
            }
            awaitSize(acknowledged, 20);
            beforeBackup = Set.copyOf(acknowledged.keySet());
            backup = run("backup", "--data", data.toString(), "--to", folder.resolve("site.zip").toString());
            afterBackup = acknowledged.size();
            awaitSize(acknowledged, (int) afterBackup + 5); // the site kept taking comments after the backup too
            posting.set(false);
            for (Future<?> client : running) client.get(60, TimeUnit.SECONDS);
        } finally {
            posting.set(false);
            clients.shutdownNow();
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Wrote").contains("schema version");
        assertThat(Files.getPosixFilePermissions(folder.resolve("site.zip")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left beside the backup")
                    .noneMatch(name -> name.startsWith("."));
        }

        Path restored = folder.resolve("restored");
        Run restore = run("restore", "--from", folder.resolve("site.zip").toString(), "--data", restored.toString());
        assertThat(restore.code()).as(restore.err()).isZero();

        Map<String, String> flags = new HashMap<>();
        flags.put("data", restored.toString());
        flags.put("host", "127.0.0.1");
        flags.put("port", Integer.toString(freePort()));
        try (Wiring wiring = Wiring.open(Settings.resolve(flags, Map.of()), Clock.systemUTC())) {
            for (long id : beforeBackup) {
                assertThat(wiring.comments().byId(id)).as("comment %d, acknowledged before the backup began", id)
                        .hasValueSatisfying(c -> assertThat(c.authorName()).isEqualTo("Reader " + acknowledged.get(id)));
            }
            long stored = wiring.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments")
                    .mapTo(Long.class).one());
            assertThat(stored).as("the backup is one moment: no more than were acknowledged when it ended, give or take "
                    + "those under way").isBetween((long) beforeBackup.size(), afterBackup + 3);
            var web = wiring.startWeb();
            Http http = new Http("http://127.0.0.1:" + web.port());
            assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
            assertThat(http.get(target.path()).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class A_restore {
        @Test
        void brings_back_the_database_and_the_media_files(@TempDir Path folder) throws IOException {
            Path backup = smallBackup(folder);
            Path restored = folder.resolve("restored");
            Run run = run("restore", "--from", backup.toString(), "--data", restored.toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("1 media files");
            assertThat(Files.readAllBytes(restored.resolve("media/ab/photo.jpg"))).isEqualTo(PHOTO);
            try (Wiring wiring = open(restored)) {
                assertThat(wiring.accounts().byEmail("desk@example.org")).isPresent();
            }
        }

        @Test
        void of_a_cut_short_backup_is_refused_with_a_clear_message_and_writes_nothing(@TempDir Path folder)
                throws IOException {
            Path backup = smallBackup(folder);
            byte[] whole = Files.readAllBytes(backup);
            Path truncated = Files.write(folder.resolve("truncated.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
            Set<Path> before = listing(folder);

            Run run = run("restore", "--from", truncated.toString(), "--data", folder.resolve("restored").toString());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("is not a whole Dateline backup (damaged or cut short)")
                    .doesNotContain("Exception");
            assertThat(listing(folder)).isEqualTo(before);
        }

        @Test
        void of_a_damaged_backup_is_refused_with_a_clear_message_and_writes_nothing(@TempDir Path folder)
                throws IOException {
            Path backup = smallBackup(folder);
            byte[] bytes = Files.readAllBytes(backup);
            for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) bytes[i] ^= 0x5a; // inside the database
            Path damaged = Files.write(folder.resolve("damaged.zip"), bytes);
            Set<Path> before = listing(folder);

            Run run = run("restore", "--from", damaged.toString(), "--data", folder.resolve("restored").toString());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("damaged").doesNotContain("Exception:");
            assertThat(listing(folder)).isEqualTo(before);
        }

        @Test
        void of_a_file_that_is_no_backup_is_refused(@TempDir Path folder) throws IOException {
            Path notABackup = Files.writeString(folder.resolve("notes.zip"), "shopping list");
            Run run = run("restore", "--from", notABackup.toString(), "--data", folder.resolve("restored").toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("is not a whole Dateline backup");
            assertThat(folder.resolve("restored")).doesNotExist();
        }

        @Test
        void refuses_a_folder_that_is_not_empty_and_with_replace_keeps_it_aside(@TempDir Path folder) throws IOException {
            Path backup = smallBackup(folder);
            Path occupied = Files.createDirectories(folder.resolve("occupied"));
            Files.writeString(occupied.resolve("dateline.db"), "the site that was here");

            Run refused = run("restore", "--from", backup.toString(), "--data", occupied.toString());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("is not empty").contains("--replace");
            assertThat(Files.readString(occupied.resolve("dateline.db"))).isEqualTo("the site that was here");

            Run replaced = run("restore", "--from", backup.toString(), "--data", occupied.toString(), "--replace");
            assertThat(replaced.code()).as(replaced.err()).isZero();
            try (Stream<Path> siblings = Files.list(folder)) {
                Path aside = siblings.filter(p -> p.getFileName().toString().startsWith("occupied.before-restore-"))
                        .findFirst().orElseThrow();
                assertThat(Files.readString(aside.resolve("dateline.db"))).isEqualTo("the site that was here");
            }
            try (Wiring wiring = open(occupied)) {
                assertThat(wiring.accounts().byEmail("desk@example.org")).isPresent();
            }
        }
        @Test
        void with_replace_refuses_a_folder_a_server_is_running_on(@TempDir Path folder) throws IOException {
            Path backup = smallBackup(folder);
            Path served = Files.createDirectories(folder.resolve("served"));
            Files.writeString(served.resolve("dateline.db"), "the site being served");

            try (ServingMark server = ServingMark.take(served)) {
                Run refused = run("restore", "--from", backup.toString(), "--data", served.toString(), "--replace");
                assertThat(refused.code()).isEqualTo(1);
                assertThat(refused.err()).contains("A server is running on the data folder").contains("Stop it");
                assertThat(Files.readString(served.resolve("dateline.db"))).isEqualTo("the site being served");
            }

            Run replaced = run("restore", "--from", backup.toString(), "--data", served.toString(), "--replace");
            assertThat(replaced.code()).as(replaced.err()).isZero();
        }
    }

    @Test
    void a_backup_of_a_site_kept_in_postgresql_points_to_pg_dump(@TempDir Path folder) {
        Run run = run("backup", "--data", folder.toString(), "--database-url", "jdbc:postgresql://db.example.org/news",
                "--to", folder.resolve("site.zip").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("pg_dump").contains("media");
        assertThat(folder.resolve("site.zip")).doesNotExist();
    }

    @Nested
    class Of_a_database_file_outside_the_data_folder {
        @Test
        void holds_that_database_and_the_data_folders_media_and_says_so(@TempDir Path folder) throws IOException {
            Path data = folder.resolve("site");
            Path database = folder.resolve("databases/news.db");
            Files.createDirectories(database.getParent());
            String url = "jdbc:sqlite:" + database;
            try (Wiring wiring = Wiring.open(Settings.resolve(Map.of("data", data.toString(), "database-url", url),
                    Map.of()), Clock.systemUTC())) {
                wiring.accounts().open(new NewAccount("desk@example.org", "Dana Desk", Role.EDITOR, null));
            }
            Files.createDirectories(data.resolve("media/ab"));
            Files.write(data.resolve("media/ab/photo.jpg"), PHOTO);
            Path backup = folder.resolve("site.zip");

            Run run = run("backup", "--data", data.toString(), "--database-url", url, "--to", backup.toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("1 media files", "The database is " + database,
                    "the media files are the data folder's, from " + data.resolve("media"));
            assertThat(data.resolve("dateline.db")).as("no database was made in the data folder").doesNotExist();
            Path restored = folder.resolve("restored");
            assertThat(run("restore", "--from", backup.toString(), "--data", restored.toString()).code()).isZero();
            assertThat(Files.readAllBytes(restored.resolve("media/ab/photo.jpg"))).isEqualTo(PHOTO);
            try (Wiring wiring = open(restored)) {
                assertThat(wiring.accounts().byEmail("desk@example.org")).isPresent();
            }
        }

        @Test
        void with_the_images_kept_in_the_database_reads_no_media_folder(@TempDir Path folder) throws IOException {
            Path data = folder.resolve("site");
            Path database = folder.resolve("news.db");
            String url = "jdbc:sqlite:" + database;
            Wiring.open(Settings.resolve(Map.of("data", data.toString(), "database-url", url), Map.of()),
                    Clock.systemUTC()).close();
            Files.createDirectories(data.resolve("media/ab"));
            Files.write(data.resolve("media/ab/photo.jpg"), PHOTO); // left from before the images moved

            Run run = run("backup", "--data", data.toString(), "--database-url", url, "--media-store", "database",
                    "--to", folder.resolve("site.zip").toString());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("0 media files", "the images are kept in it");
        }

        @Test
        void that_does_not_exist_is_refused(@TempDir Path folder) {
            Run run = run("backup", "--data", folder.toString(), "--database-url", "jdbc:sqlite:" + folder.resolve("none.db"),
                    "--to", folder.resolve("b.zip").toString());
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err()).contains("There is no site database at");
            assertThat(folder.resolve("b.zip")).doesNotExist();
        }
    }

    @Test
    void a_backup_of_a_folder_without_a_site_is_refused(@TempDir Path folder) {
        Run run = run("backup", "--data", folder.resolve("nothing").toString(), "--to", folder.resolve("b.zip").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("There is no site in");
    }

    private static final byte[] PHOTO = "not really a JPEG, but bytes all the same".getBytes();

    /** A backup of a site with one account and one media file. */
    private static Path smallBackup(Path folder) throws IOException {
        Path data = folder.resolve("small");
        try (Wiring wiring = open(data)) {
            wiring.accounts().open(new NewAccount("desk@example.org", "Dana Desk", Role.EDITOR, null));
        }
        Files.createDirectories(data.resolve("media/ab"));
        Files.write(data.resolve("media/ab/photo.jpg"), PHOTO);
        Path backup = folder.resolve("small.zip");
        Run run = run("backup", "--data", data.toString(), "--to", backup.toString());
        assertThat(run.code()).as(run.err()).isZero();
        return backup;
    }

    private static Set<Path> listing(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.collect(java.util.stream.Collectors.toSet());
        }
    }

    private static void awaitSize(Map<?, ?> map, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (map.size() < size && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(map).hasSizeGreaterThanOrEqualTo(size);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
