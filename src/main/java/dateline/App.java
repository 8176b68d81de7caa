package dateline;

import dateline.accounts.Account;
import dateline.accounts.NewAccount;
import dateline.accounts.Role;
import dateline.backups.Backups;
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
import dateline.storage.DatabaseCopy;
import dateline.storage.Dialect;
import dateline.storage.SqliteCopies;
import dateline.storage.StatementEvents;
import dateline.web.InvalidInput;
import dateline.storage.ServingMark;
import dateline.web.WebServer;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
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
        description = "A news publishing platform: one program, one data folder.")
public final class App implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** The commands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(Serve.class, Users.class, Demo.class, Search.class,
            Import.class, Export.class, MigrateDb.class, Backup.class, Restore.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Optional<Map<String, String>> serving = ServeArguments.read(args);
        int code = serving.isPresent() ? serve(serving.get()) : commandLine(args).execute(args);
        if (code != 0) System.exit(code);
    }

    /**
     * Serves the site with the options {@link ServeArguments} read, without picocli's classes, ending as picocli
     * ends {@code serve}: a message and status 1 for what the operator can put right, the trace of anything else.
     */
    private static int serve(Map<String, String> flags) {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return Serve.serve(Settings.resolve(flags, System.getenv()));
        } catch (Exception e) {
            if (!explained(e, err)) e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * The command line for these arguments: with only the command they begin with when they begin with one,
     * with every command otherwise (for the help, or to say what is wrong). Picocli reads each command's options
     * from its annotations as the command is added, which for all of them cost about 0.2 s of processor time.
     * A plain {@code serve} does not come here at all (see {@link ServeArguments}).
     */
    public static CommandLine commandLine(String... args) {
        String first = args.length == 0 ? null : args[0];
        CommandLine line = new CommandLine(new App());
        boolean named = COMMANDS.stream().anyMatch(command -> nameOf(command).equals(first));
        for (Class<?> command : COMMANDS) {
            if (!named || nameOf(command).equals(first)) line.addSubcommand(command);
        }
        DeclaredOptions.addTo(line);
        // after the commands: picocli gives the handler to the commands the line has when it is set
        return line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (explained(e, cmd.getErr())) return 1;
            throw e;
        });
    }

    /**
     * Gives every command that works on a site the options {@link CommandOption} declares for it, each setting its
     * command's flags, so that picocli lists and reads exactly the options {@link ServeArguments} reads. A class of
     * its own, so that starting a server never loads it: its setter is a picocli type, which the JVM would load from
     * the jar (with the class that holds it) to check the class that makes one.
     */
    private static final class DeclaredOptions {
        static void addTo(CommandLine line) {
            if (line.getCommand() instanceof SiteOptions command) {
                CommandOption.SITE.forEach(option -> line.getCommandSpec().addOption(spec(option, command.given)));
                if (command instanceof Serve) {
                    CommandOption.SERVE.forEach(option -> line.getCommandSpec().addOption(spec(option, command.given)));
                }
            }
            line.getSubcommands().values().forEach(DeclaredOptions::addTo);
        }

        private static CommandLine.Model.OptionSpec spec(CommandOption option, Map<String, String> given) {
            boolean toggle = option.kind() == CommandOption.Kind.SWITCH;
            var builder = CommandLine.Model.OptionSpec.builder(option.name())
                    .description(option.description())
                    .type(toggle ? boolean.class : String.class)
                    .setter(new CommandLine.Model.ISetter() {
                        @Override
                        public <T> T set(T value) {
                            // a switch turned off is as if not given: the environment or the settings file may turn it on
                            if (toggle) {
                                given.put(option.key(), Boolean.TRUE.equals(value) ? "true" : null);
                            } else {
                                given.put(option.key(), (String) value);
                            }
                            return null;
                        }
                    });
            if (option.label() != null) builder.paramLabel(option.label());
            return builder.build();
        }
    }

    /**
     * Whether a command's failure is one the operator can put right, which is then said (a line, or a line for each
     * problem) and ends the command with status 1; anything else is a fault, whose trace is printed.
     */
    private static boolean explained(Exception e, PrintWriter err) {
        if (e instanceof InvalidInput invalid) {
            invalid.problems().forEach((field, message) -> err.println(field + ": " + message));
            return true;
        }
        if (e instanceof Settings.BadSetting || e instanceof IllegalArgumentException || e instanceof WxrException
                || e instanceof DatabaseCopy.Refused || e instanceof DatabaseCopy.Mismatch
                || e instanceof Database.Unreachable) {
            err.println(e.getMessage());
            return true;
        }
        return false;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * What every command that works on a site shares: the options {@link CommandOption} declares, which
     * {@link #commandLine} adds to the command and which fill {@link #given}.
     */
    static class SiteOptions {
        /** The options given, keyed like a settings file; an option not given is missing or null. */
        final Map<String, String> given = new HashMap<>();

        Map<String, String> flags() {
            return new HashMap<>(given);
        }

        Settings settings() {
            return Settings.resolve(flags(), System.getenv());
        }
    }

    /** Serves the site; its options are {@link CommandOption#SITE}'s and {@link CommandOption#SERVE}'s. */
    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the site over HTTP.")
    static final class Serve extends SiteOptions implements Callable<Integer> {
        @Override
        public Integer call() throws InterruptedException {
            return serve(settings());
        }

        /** Serves the site until the process is told to stop. */
        static int serve(Settings settings) throws InterruptedException {
            StatementEvents.registerMeanwhile(); // beside the opening of the database, not in front of the first query
            Wiring wiring = Wiring.open(settings, Clock.systemUTC());
            // held while the server runs, so that restore --replace refuses to move the folder from under it
            ServingMark serving = ServingMark.take(settings.dataDir());
            WebServer web = wiring.startWeb();
            String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
            StartupTimeline.Step started = wiring.startup().mark("started");
            LOG.info("Dateline is listening on http://{}:{} (site address {}, data in {}; started in {} s, {} s of "
                            + "processor time)", host, web.port(), settings.baseUrl(), settings.dataDir(),
                    seconds(started.sinceStart()), seconds(started.processorTime()));
            if (settings.metricsPort() > 0) LOG.info("Metrics at http://127.0.0.1:{}/metrics", settings.metricsPort());
            IdleMemory.returnAfterBursts();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOG.info("Stopping: finishing requests under way, then closing the database.");
                wiring.close();
                serving.close();
                stopped.countDown();
                LOG.info("Stopped.");
            }, "dateline-shutdown"));
            stopped.await();
            return 0;
        }
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.2f", duration.toMillis() / 1000.0);
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

    @Command(name = "migrate-db", mixinStandardHelpOptions = true,
            description = "Move a whole site into another database, SQLite to PostgreSQL or back: every table is copied, "
                    + "then counted and checked row by row against the source, and the search index is rebuilt. The site "
                    + "may keep serving: it is copied as it stood when the copy began (a snapshot of a SQLite file, one "
                    + "transaction on PostgreSQL), and changes made after that are not in the copy. The target must hold "
                    + "no site. Media files are not in the database.")
    static final class MigrateDb implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "DATA_DIR|URL",
                description = "The site: its data folder (with its SQLite file) or its database URL (jdbc:postgresql:…).")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DATA_DIR|URL",
                description = "Where it goes: a data folder, or the URL of an empty database such as "
                        + "jdbc:postgresql://db.example.org/dateline?user=dateline.")
        String to;

        @Override
        public Integer call() throws IOException {
            SiteDatabase source = SiteDatabase.named(from);
            SiteDatabase target = SiteDatabase.named(to);
            if (source.equals(target)) throw new IllegalArgumentException("--from and --to name the same database.");
            if (source.url() == null && !Files.isRegularFile(source.dataDir().resolve(SiteDatabase.FILE))) {
                throw new IllegalArgumentException("There is no site in " + source.dataDir() + " (no " + SiteDatabase.FILE + ").");
            }
            PrintWriter out = spec.commandLine().getOut();
            long started = System.nanoTime();
            out.printf("Copying the site from %s to %s.%n", source, target);
            out.flush();
            DatabaseCopy.Report report;
            try (SqliteCopies.Snapshot snapshot = snapshot(source, out);
                 Database sourceDatabase = snapshot == null ? source.open() : Database.openSqlite(snapshot.folder());
                 Database targetDatabase = target.open()) {
                if (snapshot == null) {
                    out.println("Reading the site in one transaction: changes committed after it began are not copied.");
                }
                report = DatabaseCopy.copy(sourceDatabase, targetDatabase, SearchService::holdsIndex, new CopyLines(out));
            }
            SearchService.Rebuilt rebuilt = rebuildSearch(source, target);
            out.printf("Rebuilt the search index: %,d articles.%n", rebuilt.written());
            Duration searching = rebuilt.took();
            out.println(media(source, target));
            out.printf("Moved %d tables, %,d rows, in %.1f s: copied in %.1f s, verified in %.1f s, search index rebuilt "
                            + "in %.1f s.%n", report.tables().size(), report.rows(), (System.nanoTime() - started) / 1e9,
                    seconds(report.copying()), seconds(report.verifying()), seconds(searching));
            return 0;
        }

        /**
         * A SQLite source is copied from a snapshot of it, so that the copy reads a site that stands still while the
         * site itself goes on serving and writing; null for a PostgreSQL source, read in one transaction instead.
         */
        private static SqliteCopies.Snapshot snapshot(SiteDatabase source, PrintWriter out) throws IOException {
            if (source.sqliteFile() == null) return null;
            SqliteCopies.Snapshot snapshot;
            try {
                snapshot = SqliteCopies.snapshotBeside(source.sqliteFile());
            } catch (SqliteCopies.NotADatabase e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            out.printf("Took a snapshot of %s (%,d bytes): changes committed after it are not copied.%n",
                    source.sqliteFile(), Files.size(snapshot.file()));
            out.flush();
            return snapshot;
        }

        /** The search index is derived from the articles: the copy's is written by the target's own search. */
        private static SearchService.Rebuilt rebuildSearch(SiteDatabase source, SiteDatabase target) {
            Map<String, String> flags = new HashMap<>();
            Path data = target.dataDir() != null ? target.dataDir() : source.dataDir(); // for the media store, unused
            flags.put("data", data == null ? null : data.toString());
            flags.put("database-url", target.url());
            try (Wiring wiring = Wiring.open(Settings.resolve(flags, Map.of()), Clock.systemUTC())) {
                return wiring.search().rebuild();
            }
        }

        private static double seconds(Duration duration) {
            return duration.toMillis() / 1000.0;
        }

        /** Media files live beside the database, not in it: copied when both sides have a data folder, else explained. */
        private static String media(SiteDatabase source, SiteDatabase target) throws IOException {
            if (source.dataDir() == null) {
                return "Media files are not in the database: copy the media/ folder of the old site's data folder"
                        + (target.dataDir() == null ? " to where the new site keeps its media." : " into " + target.dataDir() + ".");
            }
            Path media = source.dataDir().resolve("media");
            if (target.dataDir() == null) {
                return "Media files are not in the database: serve the new site with --data " + source.dataDir()
                        + " (for its media/ folder), or copy " + media + " into the data folder it will use.";
            }
            if (!Files.isDirectory(media)) return "The site has no media files.";
            long[] copied = {0, 0};
            try (var files = Files.walk(media)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    Path copy = target.dataDir().resolve("media").resolve(media.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    copied[0]++;
                    copied[1] += Files.size(copy);
                }
            }
            return String.format("Copied %,d media files (%,d bytes) into %s.", copied[0], copied[1],
                    target.dataDir().resolve("media"));
        }

        /** One side of a move: a data folder with its SQLite file, or a database's URL. */
        record SiteDatabase(Path dataDir, String url) {
            static final String FILE = "dateline.db";

            static SiteDatabase named(String text) {
                if (text.startsWith("jdbc:")) {
                    Dialect.ofJdbcUrl(text); // refuses what is neither SQLite nor PostgreSQL
                    return new SiteDatabase(null, text);
                }
                return new SiteDatabase(Path.of(text).toAbsolutePath().normalize(), null);
            }

            /** The SQLite file of this side, or null when it is a PostgreSQL database. */
            Path sqliteFile() {
                if (url == null) return dataDir.resolve(FILE);
                return Dialect.ofJdbcUrl(url) == Dialect.SQLITE ? Dialect.sqliteFile(url) : null;
            }

            /** Opens the database, migrating it; one that cannot be reached or opened is a message, not a stack trace. */
            Database open() {
                try {
                    return url == null ? Database.openSqlite(dataDir) : Database.open(url);
                } catch (RuntimeException e) {
                    Throwable cause = e;
                    while (cause.getCause() != null) cause = cause.getCause();
                    throw new IllegalArgumentException("Cannot open " + this + ": " + cause.getMessage(), e);
                }
            }

            @Override
            public String toString() {
                return url == null ? "the data folder " + dataDir : Dialect.withoutPassword(url);
            }
        }

        /** A line as each table is copied (and every few seconds within a big one), and one as each is verified. */
        private static final class CopyLines implements DatabaseCopy.Progress {
            private final PrintWriter out;
            private long printedAt = System.nanoTime();

            CopyLines(PrintWriter out) {
                this.out = out;
            }

            @Override
            public void copying(String table, long rows) {
                if (System.nanoTime() - printedAt < 2_000_000_000L) return;
                printedAt = System.nanoTime();
                out.printf("  copying %s: %,d rows so far%n", table, rows);
                out.flush();
            }

            @Override
            public void copied(String table, long rows) {
                printedAt = System.nanoTime();
                out.printf("  copied %s: %,d rows%n", table, rows);
                out.flush();
            }

            @Override
            public void verified(DatabaseCopy.TableCheck check) {
                out.printf("  verified %s: %,d rows, checksum %s the same on both sides%n", check.table(), check.rows(),
                        check.shortChecksum());
                out.flush();
            }
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a backup of a site kept in SQLite (its database and media files) to one file, while "
                    + "the site keeps serving. The file is readable by its owner only. The database is the data folder's, "
                    + "or the file --database-url jdbc:sqlite:FILE names; the media files are those of the data folder "
                    + "either way (none with --media-store database, which keeps them in the database).")
    static final class Backup extends SiteOptions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "The backup file to write (a zip; "
                + "replaced if it exists, only once the new one is whole).")
        Path to;

        @Override
        public Integer call() {
            Settings settings = settings();
            if (keptInPostgres(settings)) {
                throw new IllegalArgumentException("This site keeps its database in PostgreSQL: back it up with "
                        + "PostgreSQL's own tools (pg_dump -Fc), and copy the media folder " + settings.dataDir().resolve("media")
                        + " (or, with the media kept in the database, nothing more). See docs/deployment.md.");
            }
            Backups backups = new Backups(Clock.systemUTC());
            Path media = settings.dataDir().resolve("media").toAbsolutePath().normalize();
            boolean mediaInDatabase = settings.mediaStore() == Settings.MediaStoreChoice.DATABASE;
            Path database = settings.databaseUrl().map(Dialect::sqliteFile).orElse(null);
            Backups.Written written = database == null ? backups.write(settings.dataDir(), to)
                    : backups.write(database, mediaInDatabase ? null : media, to);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Wrote %s (%,d bytes): the database (%,d bytes, schema version %s) and %,d media files in %.1f s.%n",
                    to, written.bytes(), written.databaseBytes(), written.schemaVersion(), written.mediaFiles(),
                    written.took().toMillis() / 1000.0);
            if (database != null) {
                out.printf("The database is %s; %s. Restoring the backup puts both in one data folder.%n", database,
                        mediaInDatabase ? "the images are kept in it (--media-store database), so no media folder was read"
                                : "the media files are the data folder's, from " + media);
            }
            return 0;
        }
    }

    /** Whether the site's database is a PostgreSQL one, which backs up and restores with PostgreSQL's own tools. */
    private static boolean keptInPostgres(Settings settings) {
        return settings.databaseUrl().map(Dialect::ofJdbcUrl).filter(d -> d == Dialect.POSTGRESQL).isPresent();
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Make a backup written by 'dateline backup' the site in an empty or new data folder. "
                    + "Stop any server of that folder first.")
    static final class Restore extends SiteOptions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup file.")
        Path from;

        @Option(names = "--replace", description = "Restore into a data folder that is not empty, moving what is there "
                + "aside (to DIR.before-restore-TIME, beside it).")
        boolean replace;

        @Override
        public Integer call() {
            Settings settings = settings();
            if (keptInPostgres(settings)) {
                throw new IllegalArgumentException("This site keeps its database in PostgreSQL: restore it with "
                        + "pg_restore, and its media folder from its copy. See docs/deployment.md.");
            }
            Backups.Restored restored = new Backups(Clock.systemUTC()).restore(from, settings.dataDir(), replace);
            spec.commandLine().getOut().printf("Restored %s into %s: the database (schema version %s) and %,d media "
                    + "files.%s%n", from, settings.dataDir(), restored.schemaVersion(), restored.mediaFiles(),
                    restored.keptAside().map(p -> " The folder that was there is now " + p + ".").orElse(""));
            return 0;
        }
    }
}
