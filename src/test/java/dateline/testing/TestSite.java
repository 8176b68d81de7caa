package dateline.testing;

import dateline.Settings;
import dateline.Wiring;
import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole site for a test: a fresh data folder with a real SQLite file (or, when {@link Postgres#chosen()}, a fresh
 * database on a real PostgreSQL server), every service built by {@link Wiring}, a clock the test controls, and, when
 * asked, the web server on a free loopback port.
 */
public final class TestSite implements AutoCloseable {
    public static final Instant START = Instant.parse("2024-06-20T07:38:00Z");

    private final Path dataDir;
    private final MutableClock clock = new MutableClock(START);
    private final Wiring wiring;
    private final int port;
    private final String databaseUrl;
    /** True when the database is one of {@link Postgres}'s migrated ones, given back for the next site when this closes. */
    private final boolean borrowed;
    private Http http;

    private TestSite() {
        this(Map.of());
    }

    /** {@code environment} stands in for the process's environment variables, such as {@code DATELINE_METRICS_TOKEN}. */
    private TestSite(Map<String, String> environment) {
        this(Postgres.chosen() ? Postgres.migratedDatabaseUrl() : null, Postgres.chosen(), environment);
    }

    /**
     * Over the database at this URL (over a SQLite file in the data folder when null), which the site gives back or,
     * when it is not {@code borrowed}, drops.
     */
    private TestSite(String databaseUrl, boolean borrowed, Map<String, String> environment) {
        try {
            this.dataDir = Files.createTempDirectory("dateline-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = freePort();
        this.databaseUrl = databaseUrl;
        this.borrowed = borrowed;
        Map<String, String> flags = dataFlags();
        flags.put("host", "127.0.0.1");
        flags.put("port", Integer.toString(port));
        this.wiring = Wiring.open(Settings.resolve(flags, environment), clock);
    }

    /** Services only, no web server. */
    public static TestSite services() {
        return new TestSite();
    }

    /** Services and the web server. */
    public static TestSite serving() {
        return new TestSite().served();
    }

    /** Services over a SQLite file whichever database the run chose: for a test of moving a site between the two. */
    public static TestSite servicesOnSqlite() {
        return new TestSite(null, false, Map.of());
    }

    /**
     * Services and the web server over a database the test filled itself, at this URL (a SQLite file elsewhere, or a
     * PostgreSQL database of {@link Postgres}, which the site drops when it closes).
     */
    public static TestSite servingFrom(String databaseUrl) {
        return new TestSite(databaseUrl, false, Map.of()).served();
    }

    private TestSite served() {
        wiring.startWeb();
        http = new Http(baseUrl());
        return this;
    }

    /** Services and the web server, with settings from {@code environment} as though the process had them. */
    public static TestSite serving(Map<String, String> environment) {
        return new TestSite(environment).served();
    }

    public Wiring wiring() {
        return wiring;
    }

    public MutableClock clock() {
        return clock;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The flags that open this site's data from another process (a command beside the server, another node):
     * its data folder and, on PostgreSQL, its database.
     */
    public Map<String, String> dataFlags() {
        Map<String, String> flags = new HashMap<>();
        flags.put("data", dataDir.toString());
        if (databaseUrl != null) flags.put("database-url", databaseUrl);
        return flags;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Http http() {
        if (http == null) throw new IllegalStateException("This test site does not serve HTTP");
        return http;
    }

    /** An author who can be credited on articles (and makes the site count as set up). */
    public Account anAuthor(String name) {
        String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "@example.org";
        return wiring.accounts().open(new NewAccount(email, name, Role.AUTHOR, null));
    }

    public Articles articles() {
        return new Articles(wiring.articles());
    }

    @Override
    public void close() {
        wiring.close();
        if (borrowed) Postgres.release(databaseUrl);
        else if (databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql:")) Postgres.drop(databaseUrl);
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
