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
    /** False for a node of a site whose database the test keeps (and drops) itself. */
    private final boolean ownsDatabase;
    private Http http;

    private TestSite() {
        this(Postgres.chosen() ? Postgres.migratedDatabaseUrl() : null, true, new MutableClock(START), Map.of());
    }

    private TestSite(String databaseUrl, boolean ownsDatabase, MutableClock clock, Map<String, String> moreFlags) {
        try {
            this.dataDir = Files.createTempDirectory("dateline-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.clock = clock;
        this.port = freePort();
        this.databaseUrl = databaseUrl;
        this.ownsDatabase = ownsDatabase;
        Map<String, String> flags = dataFlags();
        flags.put("host", "127.0.0.1");
        flags.put("port", Integer.toString(port));
        flags.putAll(moreFlags);
        this.wiring = Wiring.open(Settings.resolve(flags, Map.of()), clock);
    }

    /**
     * One node of a site served by several: a data folder and loopback port of its own, serving the database
     * at the address (which the test drops itself) with the settings given. Nodes given one clock share it.
     */
    public static TestSite node(String databaseUrl, MutableClock clock, Map<String, String> flags) {
        TestSite site = new TestSite(databaseUrl, false, clock, flags);
        site.wiring.startWeb();
        site.http = new Http(site.baseUrl());
        return site;
    }

    /** Services only, no web server. */
    public static TestSite services() {
        return new TestSite();
    }

    /** Services and the web server. */
    public static TestSite serving() {
        TestSite site = new TestSite();
        site.wiring.startWeb();
        site.http = new Http(site.baseUrl());
        return site;
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
        if (databaseUrl != null && ownsDatabase) Postgres.release(databaseUrl);
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
