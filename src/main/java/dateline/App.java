package dateline;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.demo.DemoSite;
import dateline.imports.DatelineJsonReader;
import dateline.imports.ExportService;
import dateline.imports.ImportOptions;
import dateline.imports.ImportProgress;
import dateline.imports.ImportReport;
import dateline.imports.WxrException;
import dateline.imports.Wxr;
import dateline.imports.WxrReader;
import dateline.search.SearchService;
import dateline.storage.Database;
import dateline.web.InvalidInput;
import dateline.web.WebServer;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code dateline} command: serve a site, add accounts, fill a site with demonstration articles. */
@Command(name = "dateline", mixinStandardHelpOptions = true, version = "Dateline 0.1.0",
        description = "A news publishing platform: one program, one data folder.",
        subcommands = {App.Serve.class, App.Users.class, App.Demo.class, App.Search.class, App.Import.class, App.Export.class})
public final class App implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) System.exit(code);
    }

    static CommandLine commandLine() {
        return new CommandLine(new App()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidInput invalid) {
                invalid.problems().forEach((field, message) -> cmd.getErr().println(field + ": " + message));
                return 1;
            }
            if (e instanceof Settings.BadSetting || e instanceof IllegalArgumentException || e instanceof WxrException
                    || e instanceof Database.Unreachable) {
                cmd.getErr().println(e.getMessage());
                return 1;
            }
            throw e;
        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every command that works on a site shares. */
    static class SiteOptions {
        @Option(names = "--data", description = "The site's data folder (default ./data; env DATELINE_DATA).")
        String data;

        @Option(names = "--config", description = "A properties file of settings (env DATELINE_CONFIG).")
        String config;

        @Option(names = "--database-url", paramLabel = "URL", description = "Keep the site in this PostgreSQL database, "
                + "such as jdbc:postgresql://db.example.org/dateline?user=dateline, instead of the SQLite file in the "
                + "data folder (env DATELINE_DATABASE_URL). Media files stay in the data folder unless --media-store database.")
        String databaseUrl;

        @Option(names = "--media-store", paramLabel = "local|database", description = "Where uploaded images are kept: "
                + "local, in the data folder (default), or database, for several nodes sharing one PostgreSQL database "
                + "(env DATELINE_MEDIA_STORE).")
        String mediaStore;

        Map<String, String> flags() {
            Map<String, String> flags = new HashMap<>();
            flags.put("data", data);
            flags.put("config", config);
            flags.put("database-url", databaseUrl);
            flags.put("media-store", mediaStore);
            return flags;
        }

        Settings settings() {
            return Settings.resolve(flags(), System.getenv());
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site over HTTP.")
    static final class Serve extends SiteOptions implements Callable<Integer> {
        @Option(names = "--port", description = "The port to listen on (default 8080; env DATELINE_PORT).")
        String port;

        @Option(names = "--host", description = "The address to listen on (default all; env DATELINE_HOST).")
        String host;

        @Option(names = "--base-url", description = "The site's public address, such as https://news.example.org "
                + "(default http://localhost:PORT; env DATELINE_BASE_URL).")
        String baseUrl;

        @Option(names = "--dev", description = "Reload templates and assets from src/ as they change.")
        boolean dev;

        @Option(names = "--page-cache-mb", description = "Memory for finished public pages, in megabytes; 0 turns "
                + "the page cache off (default " + Settings.DEFAULT_PAGE_CACHE_MB + "; env DATELINE_PAGE_CACHE_MB).")
        String pageCacheMb;

        @Override
        Map<String, String> flags() {
            Map<String, String> flags = super.flags();
            flags.put("port", port);
            flags.put("host", host);
            flags.put("base-url", baseUrl);
            flags.put("dev", dev ? "true" : null);
            flags.put("page-cache-mb", pageCacheMb);
            return flags;
        }

        @Override
        public Integer call() throws InterruptedException {
            Settings settings = settings();
            Wiring wiring = Wiring.open(settings, Clock.systemUTC());
            WebServer web = wiring.startWeb();
            String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
            LOG.info("Dateline is listening on http://{}:{} (site address {}, data in {})", host, web.port(),
                    settings.baseUrl(), settings.dataDir());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.info("Stopping: finishing requests under way, then closing the database.");
                wiring.close();
                stopped.countDown();
                LOG.info("Stopped.");
            }, "dateline-shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "Manage the newsroom's accounts.",
            subcommands = {Users.Add.class, Users.Password.class})
    static final class Users implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Open an account.")
        static final class Add extends SiteOptions implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Option(names = "--email", required = true, description = "The email address to sign in with.")
            String email;

            @Option(names = "--name", required = true, description = "The name shown in bylines.")
            String name;

            @Option(names = "--role", required = true, description = "admin, editor, author or contributor.")
            String role;

            @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
            boolean passwordStdin;

            @Override
            public Integer call() throws IOException {
                Role chosen = Role.named(role).orElseThrow(() ->
                        new IllegalArgumentException("The role must be admin, editor, author or contributor, not '" + role + "'."));
                String password = passwordStdin ? readLine() : null;
                try (Wiring wiring = Wiring.open(settings(), Clock.systemUTC())) {
                    Account account = wiring.accounts().open(new NewAccount(email, name, chosen, password));
                    spec.commandLine().getOut().printf("Opened the %s account of %s <%s>%s.%n",
                            account.role().label().toLowerCase(java.util.Locale.ROOT), account.name(), account.email(),
                            password == null ? " (no password yet: it cannot sign in until one is set)" : "");
                }
                return 0;
            }

        }

        @Command(name = "password", mixinStandardHelpOptions = true,
                description = "Set a new password for an account (read from standard input) and sign it out everywhere.")
        static final class Password extends SiteOptions implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Option(names = "--email", required = true, description = "The account's email address.")
            String email;

            @Override
            public Integer call() throws IOException {
                String password = readLine();
                try (Wiring wiring = Wiring.open(settings(), Clock.systemUTC())) {
                    Account account = wiring.accounts().byEmail(email).orElseThrow(() ->
                            new IllegalArgumentException("No account has the address " + email + "."));
                    wiring.accounts().choosePassword(account.id(), password);
                    wiring.sessions().endAllOf(account.id());
                    spec.commandLine().getOut().printf("Set a new password for %s; every session of the account is ended.%n",
                            account.name());
                }
                return 0;
            }
        }

        private static String readLine() throws IOException {
            var reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null || line.isEmpty()) throw new IllegalArgumentException("No password on standard input.");
            return line;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Fill a site with realistic demonstration articles (the same for the same seed).")
    static final class Demo extends SiteOptions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--articles", defaultValue = "200", description = "How many articles to write (default 200).")
        int articles;

        @Option(names = "--seed", defaultValue = "1", description = "The seed of the generator (default 1).")
        long seed;

        @Option(names = "--comments-per-article", description = "Give every article exactly this many comments "
                + "(default: as many as readers would write, most none or a few, some dozens).")
        Integer commentsPerArticle;

        @Option(names = "--now", description = "The moment the newest article is written before, as 2024-06-20T09:38:00Z "
                + "(default: now). With the same seed and moment, the site is the same.")
        String now;

        @Override
        public Integer call() {
            if (articles < 0 || articles > 10_000_000) throw new IllegalArgumentException("Choose from 0 to 10,000,000 articles.");
            Instant until;
            try {
                until = now == null ? Instant.now() : Instant.parse(now);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--now takes a moment such as 2024-06-20T09:38:00Z, not '" + now + "'.");
            }
            long started = System.nanoTime();
            try (Wiring wiring = Wiring.open(settings(), Clock.systemUTC())) {
                if (commentsPerArticle != null && (commentsPerArticle < 0 || commentsPerArticle > 10_000)) {
                    throw new IllegalArgumentException("Choose from 0 to 10,000 comments per article.");
                }
                DemoSite.Summary summary = new DemoSite(wiring.site(), wiring.accounts(), wiring.articles(),
                        wiring.comments()).fill(articles, seed, until, commentsPerArticle);
                spec.commandLine().getOut().printf("Wrote %,d articles by %d authors in %d sections (%d with "
                                + "significant updates) and %,d comments in %.1f s.%n", summary.articles(),
                        summary.authors(), summary.sections(), summary.updated(), summary.comments(),
                        (System.nanoTime() - started) / 1e9);
            }
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Look after the search index.",
            subcommands = {Search.Rebuild.class})
    static final class Search implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "rebuild", mixinStandardHelpOptions = true,
                description = "Write every article's search entry again from the articles (the site may keep serving).")
        static final class Rebuild extends SiteOptions implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                try (Wiring wiring = Wiring.open(settings(), Clock.systemUTC())) {
                    SearchService.Rebuilt rebuilt = wiring.search().rebuild();
                    spec.commandLine().getOut().printf("Indexed %,d articles and removed %,d stale entries in %.1f s.%n",
                            rebuilt.written(), rebuilt.removed(), rebuilt.took().toMillis() / 1000.0);
                }
                return 0;
            }
        }
    }
    @Command(name = "import", mixinStandardHelpOptions = true, description = "Move a site in from an export.",
            subcommands = {Import.FromWxr.class, Import.FromJson.class})
    static final class Import implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        @Command(name = "wxr", mixinStandardHelpOptions = true,
                description = "Import a WordPress export (WXR): authors, categories, tags, posts, pages, comments and, "
                        + "with --uploads, attachments. Importing the same file again adds nothing; a newer export "
                        + "adds what is new. The site may keep serving meanwhile.")
        static class FromWxr extends SiteOptions implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @CommandLine.Parameters(paramLabel = "FILE", description = "The export file (Tools › Export in WordPress).")
            Path file;

            @Option(names = "--uploads", paramLabel = "DIR",
                    description = "A copy of the old site's wp-content/uploads folder: attachments become media files.")
            Path uploads;

            @Option(names = "--dry-run", description = "Read and check the whole file and report what it would create, "
                    + "writing nothing.")
            boolean dryRun;

            @Override
            public Integer call() {
                if (!Files.isRegularFile(file)) throw new IllegalArgumentException("There is no file at " + file + ".");
                if (uploads != null && !Files.isDirectory(uploads)) {
                    throw new IllegalArgumentException("There is no folder at " + uploads + ".");
                }
                long started = System.nanoTime();
                try (Wiring wiring = Wiring.open(settings(), Clock.systemUTC())) {
                    ImportReport report = wiring.imports().run(file, reader(),
                            new ImportOptions(Optional.ofNullable(uploads), dryRun), new ProgressLines(spec));
                    spec.commandLine().getOut().print(report.text());
                    spec.commandLine().getOut().printf("Took %.1f s.%n", (System.nanoTime() - started) / 1e9);
                }
                return 0;
            }

            Wxr.Reader reader() {
                return new WxrReader();
            }
        }

        @Command(name = "json", mixinStandardHelpOptions = true,
                description = "Import Dateline's own JSON export (from 'dateline export json' or the newsroom) without "
                        + "loss: the same import as for WXR, reading the JSON document one item at a time.")
        static final class FromJson extends FromWxr {
            @Override
            Wxr.Reader reader() {
                return new DatelineJsonReader();
            }
        }

        /** Prints a line when a stage begins and every few seconds within it. */
        private static final class ProgressLines implements ImportProgress {
            private final CommandLine.Model.CommandSpec spec;
            private String stage = "";
            private long printedAt;

            ProgressLines(CommandLine.Model.CommandSpec spec) {
                this.spec = spec;
            }

            @Override
            public void stage(String name, long done) {
                long now = System.nanoTime();
                if (name.equals(stage) && now - printedAt < 2_000_000_000L) return;
                stage = name;
                printedAt = now;
                spec.commandLine().getOut().printf("%s: %,d%n", name, done);
                spec.commandLine().getOut().flush();
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the whole site to a file: WXR for WordPress, or Dateline's own JSON.",
            subcommands = {Export.AsWxr.class, Export.AsJson.class})
    static final class Export implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        /** What both formats share: the file, the site's address for the links inside, and a safe write. */
        abstract static class ToFile extends SiteOptions implements Callable<Integer> {
            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @CommandLine.Parameters(index = "0", paramLabel = "FILE", description = "The file to write (replaced if it exists).")
            Path file;

            @Option(names = "--base-url", description = "The site's public address, for the absolute links in the file "
                    + "(default as for serve; env DATELINE_BASE_URL).")
            String baseUrl;

            @Override
            Map<String, String> flags() {
                Map<String, String> flags = super.flags();
                flags.put("base-url", baseUrl);
                return flags;
            }

            abstract void write(ExportService exports, OutputStream out);

            /**
             * Writes into a temporary file beside the one asked for and moves it into place only when it is
             * complete, so that a failed export leaves no half file (and an older export stays whole).
             */
            @Override
            public Integer call() throws IOException {
                Path target = file.toAbsolutePath();
                Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
                long started = System.nanoTime();
                try (Wiring wiring = Wiring.open(settings(), Clock.systemUTC())) {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
                        write(wiring.exports(), out);
                    }
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temporary);
                }
                spec.commandLine().getOut().printf("Wrote %s (%,d bytes) in %.1f s.%n", file, Files.size(target),
                        (System.nanoTime() - started) / 1e9);
                return 0;
            }
        }

        @Command(name = "json", mixinStandardHelpOptions = true,
                description = "Dateline's own JSON document, which another Dateline imports without loss.")
        static final class AsJson extends ToFile {
            @Override
            void write(ExportService exports, OutputStream out) {
                exports.writeJson(out);
            }
        }

        @Command(name = "wxr", mixinStandardHelpOptions = true,
                description = "A WordPress eXtended RSS (WXR 1.2) file, which WordPress's importer reads.")
        static final class AsWxr extends ToFile {
            @Override
            void write(ExportService exports, OutputStream out) {
                exports.writeWxr(out);
            }
        }
    }
}
