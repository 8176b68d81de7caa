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
    private final MutableClock clock;
    private final Wiring wiring;
    private final int port;
    private final String databaseUrl;
    /** What becomes of the database when the site closes. */
    private final Afterwards afterwards;
    private Http http;

    private enum Afterwards {
        /** One of {@link Postgres}'s migrated databases, given back (emptied) for the next site. */
        GIVE_BACK,
        /** A database the test made for this site alone: a PostgreSQL one is dropped. */
        DROP,
        /** A database the test shares between sites (nodes) and drops itself. */
        LEAVE
    }

    private TestSite() {
        this(Map.of());
    }

    /** {@code environment} stands in for the process's environment variables, such as {@code DATELINE_METRICS_TOKEN}. */
    private TestSite(Map<String, String> environment) {
        this(Postgres.chosen() ? Postgres.migratedDatabaseUrl() : null, Afterwards.GIVE_BACK, new MutableClock(START),
                Map.of(), environment);
    }

    /** Over the database at this URL (over a SQLite file in the data folder when null). */
    private TestSite(String databaseUrl, Afterwards afterwards, MutableClock clock, Map<String, String> moreFlags,
                     Map<String, String> environment) {
        try {
            this.dataDir = Files.createTempDirectory("dateline-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.clock = clock;
        this.port = freePort();
        this.databaseUrl = databaseUrl;
        this.afterwards = afterwards;
        Map<String, String> flags = dataFlags();
        flags.put("host", "127.0.0.1");
        flags.put("port", Integer.toString(port));
        flags.putAll(moreFlags);
        this.wiring = Wiring.open(Settings.resolve(flags, environment), clock);
    }

    /**
     * One node of a site served by several: a data folder and loopback port of its own, serving the database
     * at the address (which the test drops itself) with the settings given. Nodes given one clock share it.
     */
    public static TestSite node(String databaseUrl, MutableClock clock, Map<String, String> flags) {
        return new TestSite(databaseUrl, Afterwards.LEAVE, clock, flags, Map.of()).served();
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
        return new TestSite(null, Afterwards.DROP, new MutableClock(START), Map.of(), Map.of());
    }

    /**
     * Services and the web server over a database the test filled itself, at this URL (a SQLite file elsewhere, or a
     * PostgreSQL database of {@link Postgres}, which the site drops when it closes).
     */
    public static TestSite servingFrom(String databaseUrl) {
        return new TestSite(databaseUrl, Afterwards.DROP, new MutableClock(START), Map.of(), Map.of()).served();
    }

    private TestSite served() {
        wiring.startWeb();
        // a site whose start is over, its spam model written too: tests count the statements of what they do
        wiring.spam().awaitModel();
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
        if (databaseUrl != null && afterwards == Afterwards.GIVE_BACK) Postgres.release(databaseUrl);
        else if (afterwards == Afterwards.DROP && databaseUrl != null && databaseUrl.startsWith("jdbc:postgresql:")) {
            Postgres.drop(databaseUrl);
        }
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
