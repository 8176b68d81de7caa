package dateline;

import java.util.List;

/**
 * One option of the commands that work on a site, declared once. Two readers are built from these declarations:
 * {@link ServeArguments}, which reads a plain {@code serve} command line without picocli, and picocli's model of
 * every command (in {@link App}), which reads all the others and writes the help and the messages. So an option
 * added here is read, listed and explained alike by both.
 *
 * <p>Why {@code serve} has a reader of its own: picocli's classes are compiled for Java 5, which a class-data
 * sharing archive of JDK 17 cannot hold, so building picocli's model of {@code serve} loaded, checked and
 * initialised 170 of them from the jar at every start of a server, about a quarter of a second of processor
 * time before anything else could begin.
 *
 * @param name what the operator types, such as {@code --port}
 * @param label the value's name in the help, such as {@code <port>}; none for a switch
 * @param description the help's explanation, naming the default and the environment variable
 * @param kind whether the option takes a value or is a switch
 */
record CommandOption(String name, String label, String description, Kind kind) {
    /** Whether an option is given a value ({@code --port 8080}, {@code --port=8080}) or stands alone ({@code --dev}). */
    enum Kind { VALUE, SWITCH }

    /** The options of every command that works on a site. */
    static final List<CommandOption> SITE = List.of(
            value("--data", "<data>", "The site's data folder (default ./data; env DATELINE_DATA)."),
            value("--config", "<config>", "A properties file of settings (env DATELINE_CONFIG)."),
            value("--database-url", "URL", "Keep the site in this PostgreSQL database, such as "
                    + "jdbc:postgresql://db.example.org/dateline?user=dateline, instead of the SQLite file in the data "
                    + "folder (env DATELINE_DATABASE_URL). Media files stay in the data folder unless --media-store database."),
            value("--media-store", "local|database", "Where uploaded images are kept: local, in the data folder "
                    + "(default), or database, for several nodes sharing one PostgreSQL database (env DATELINE_MEDIA_STORE)."));

    /** The options of {@code serve} besides {@link #SITE}'s. */
    static final List<CommandOption> SERVE = List.of(
            value("--port", "<port>", "The port to listen on (default 8080; env DATELINE_PORT)."),
            value("--host", "<host>", "The address to listen on (default all; env DATELINE_HOST)."),
            value("--base-url", "<baseUrl>", "The site's public address, such as https://news.example.org "
                    + "(default http://localhost:PORT; env DATELINE_BASE_URL)."),
            toggle("--dev", "Reload templates and assets from src/ as they change."),
            value("--page-cache-mb", "<pageCacheMb>", "Memory for finished public pages, in megabytes; 0 turns the "
                    + "page cache off (default " + Settings.DEFAULT_PAGE_CACHE_MB + "; env DATELINE_PAGE_CACHE_MB)."),
            value("--metrics-port", "<metricsPort>", "Serve /metrics (Prometheus's format) on this port of the "
                    + "loopback interface, 127.0.0.1, only (default none; env DATELINE_METRICS_PORT). On the site's own "
                    + "port /metrics answers only with the token of DATELINE_METRICS_TOKEN."),
            toggle("--forwarded-headers", "Take the client's address and scheme from the reverse proxy's "
                    + "X-Forwarded-For, X-Forwarded-Proto and Forwarded headers. Only when nothing but the proxy can reach "
                    + "this port (env DATELINE_FORWARDED_HEADERS)."));

    private static CommandOption value(String name, String label, String description) {
        return new CommandOption(name, label, description, Kind.VALUE);
    }

    private static CommandOption toggle(String name, String description) {
        return new CommandOption(name, null, description, Kind.SWITCH);
    }

    /** The setting's key in {@link Settings#resolve}'s flags and in a settings file: the name without its dashes. */
    String key() {
        return name.substring(2);
    }
}
