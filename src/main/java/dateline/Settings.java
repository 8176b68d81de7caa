package dateline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How this process runs, read once at start: command-line flags first, then environment variables
 * ({@code DATELINE_PORT}, {@code DATELINE_HOST}, {@code DATELINE_DATA}, {@code DATELINE_BASE_URL}, {@code DATELINE_DEV},
 * {@code DATELINE_PAGE_CACHE_MB}, {@code DATELINE_DATABASE_URL}, {@code DATELINE_METRICS_PORT}, {@code DATELINE_METRICS_TOKEN},
 * {@code DATELINE_FORWARDED_HEADERS}, {@code DATELINE_MEDIA_STORE}),
 * then a properties file ({@code --config FILE} or {@code DATELINE_CONFIG}, keys {@code port}, {@code host}, {@code data},
 * {@code base-url}, {@code dev}, {@code page-cache-mb}, {@code database-url}, {@code metrics-port}, {@code metrics-token},
 * {@code forwarded-headers}, {@code media-store}),
 * then defaults. What the newsroom chooses for its site lives in the
 * database instead ({@link dateline.site.SiteSettings}).
 */
public record Settings(String host, int port, Path dataDir, String baseUrl, boolean dev, int pageCacheMb,
                       Optional<String> databaseUrl, int metricsPort, Optional<String> metricsToken,
                       boolean forwardedHeaders, MediaStoreChoice mediaStore) {
    public static final int DEFAULT_PORT = 8080;
    /** Enough for some thousands of finished pages, each kept plain and compressed. */
    public static final int DEFAULT_PAGE_CACHE_MB = 64;

    /** Where the bytes of uploaded images are kept. */
    public enum MediaStoreChoice {
        /** In the data folder: one node, or nodes that share that folder. */
        LOCAL,
        /** In the database, beside what is known of them: any number of nodes sharing only the database. */
        DATABASE;

        static MediaStoreChoice named(String name) {
            for (MediaStoreChoice choice : values()) {
                if (choice.name().equalsIgnoreCase(name)) return choice;
            }
            throw new BadSetting("The media store must be local (files in the data folder) or database (shared by "
                    + "every node), not '" + name + "'.");
        }
    }

    /** Without the secrets a database address or the metrics token carry, should these settings ever be shown. */
    @Override
    public String toString() {
        return "Settings[host=" + host + ", port=" + port + ", data=" + dataDir + ", baseUrl=" + baseUrl + ", dev=" + dev
                + ", pageCacheMb=" + pageCacheMb + ", database=" + databaseUrl.map(url -> url.replaceAll("[?;].*$", "")
                .replaceAll("//[^@/]*@", "//")).orElse("SQLite in the data folder") + ", metricsPort=" + metricsPort
                + ", metricsToken=" + (metricsToken.isPresent() ? "set" : "none") + ", forwardedHeaders="
                + forwardedHeaders + ", mediaStore=" + mediaStore + "]";
    }

    /** Thrown with a message for the operator when a setting cannot be used. */
    public static final class BadSetting extends RuntimeException {
        public BadSetting(String message) {
            super(message);
        }
    }

    /**
     * Resolves every setting from its sources. {@code flags} holds the options given on the command line
     * (absent ones are missing or null), keyed like the file.
     */
    public static Settings resolve(Map<String, String> flags, Map<String, String> environment) {
        Map<String, String> file = new HashMap<>();
        String configPath = firstOf(flags.get("config"), environment.get("DATELINE_CONFIG"));
        if (configPath != null) file.putAll(readProperties(Path.of(configPath)));

        String host = pick("host", flags, environment, file, "0.0.0.0");
        int port = parsePort(pick("port", flags, environment, file, Integer.toString(DEFAULT_PORT)));
        Path data = Path.of(pick("data", flags, environment, file, "data"));
        String baseUrl = pick("base-url", flags, environment, file, null);
        boolean dev = Boolean.parseBoolean(pick("dev", flags, environment, file, "false"));
        int pageCacheMb = parsePageCacheMb(pick("page-cache-mb", flags, environment, file,
                Integer.toString(DEFAULT_PAGE_CACHE_MB)));
        Optional<String> databaseUrl = Optional.ofNullable(pick("database-url", flags, environment, file, null))
                .map(Settings::checkedDatabaseUrl);
        int metricsPort = parseMetricsPort(pick("metrics-port", flags, environment, file, "0"));
        // from the environment or the file only: a flag would show the token to anyone listing the processes
        Optional<String> metricsToken = Optional.ofNullable(firstOf(environment.get("DATELINE_METRICS_TOKEN"),
                file.get("metrics-token"))).map(Settings::checkedMetricsToken);
        boolean forwardedHeaders = Boolean.parseBoolean(pick("forwarded-headers", flags, environment, file, "false"));
        MediaStoreChoice mediaStore = MediaStoreChoice.named(pick("media-store", flags, environment, file, "local"));
        return new Settings(host, port, data, normalBaseUrl(baseUrl == null ? "http://localhost:" + port : baseUrl), dev,
                pageCacheMb, databaseUrl, metricsPort, metricsToken, forwardedHeaders, mediaStore);
    }

    /** The metrics' own port on the loopback interface, or 0: none (the default). */
    private static int parseMetricsPort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new BadSetting("The metrics port must be a number from 1 to 65535 (or 0 for none), not '" + text + "'.");
        }
    }

    /** A token short enough to guess would open the metrics to anyone; the message never repeats it. */
    private static String checkedMetricsToken(String token) {
        if (token.length() < 16) throw new BadSetting("The metrics token must be at least 16 characters long.");
        return token;
    }

    /**
     * The site's database when it is not the SQLite file in the data folder: a {@code jdbc:postgresql:} address, which
     * several nodes share. ({@code jdbc:sqlite:} is taken too, for a database file kept elsewhere.)
     */
    private static String checkedDatabaseUrl(String url) {
        if (url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:sqlite:")) return url;
        throw new BadSetting("The database URL must begin jdbc:postgresql: (or jdbc:sqlite:), such as "
                + "jdbc:postgresql://db.example.org/dateline?user=dateline, not one that begins '"
                + url.replaceAll("[:/].*$", "") + "'."); // the rest may hold a password
    }

    private static int parsePageCacheMb(String text) {
        try {
            int mb = Integer.parseInt(text);
            if (mb < 0 || mb > 1_000_000) throw new NumberFormatException();
            return mb;
        } catch (NumberFormatException e) {
            throw new BadSetting("The page cache size must be a number of megabytes from 0 (off) up, not '" + text + "'.");
        }
    }

    private static String pick(String key, Map<String, String> flags, Map<String, String> environment,
                               Map<String, String> file, String fallback) {
        String envKey = "DATELINE_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
        return firstOf(flags.get(key), environment.get(envKey), file.get(key), fallback);
    }

    private static String firstOf(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return null;
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw new BadSetting("The port must be a number from 1 to 65535, not '" + text + "'.");
        }
    }

    static String normalBaseUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(url, "not an http(s) address");
            }
            String text = uri.toString();
            while (text.endsWith("/")) text = text.substring(0, text.length() - 1);
            return text;
        } catch (URISyntaxException e) {
            throw new BadSetting("The base URL must be the site's public address, such as https://news.example.org, not '"
                    + url + "'.");
        }
    }

    private static Map<String, String> readProperties(Path path) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the settings file " + path, e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
