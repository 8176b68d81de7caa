package dateline.bench;

import dateline.Wiring;
import dateline.articles.ArticleDraft;
import dateline.articles.FullArticle;
import dateline.articles.Tag;
import dateline.comments.CommentService;
import dateline.comments.CommentStatus;
import dateline.demo.DemoSite;
import dateline.web.PageRequest;
import dateline.web.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 2: how long the site takes to make a page when nothing is kept — an article with 200 comments,
 * the front page and a section page — through the same path a request takes (Jetty, the routes, the
 * services, SQLite, the templates) with the page cache off, asked over one kept-alive loopback connection
 * by a reader that keeps nothing it reads. Baselines measured in the same run: {@code /healthz} (the request
 * path alone: no template, no query) and the "can't find that page" page (a small template over two short
 * lists).
 *
 * <p>It used Jetty's in-memory connector before, which grows a new buffer for every response on the server's
 * side and made each a {@code String} on the harness's: more than half the memory a render of the article
 * was charged with, and so more collections than a server meets, was the harness's own.
 *
 * <pre>RenderTimes --data DIR [--articles 500] [--warm-up 3000] [--warm-up-limit 300] [--iterations 2000] [--tasks-log FILE]</pre>
 * fills DIR with a demonstration site when it has none, warms up with at least {@code --warm-up} rounds of the
 * pages and then until the JIT compilers are nearly idle (within {@code --warm-up-limit} seconds: see
 * {@link #SETTLING_ROUNDS}), then prints one line per page: the body's bytes, p50,
 * p99 and max in milliseconds, then the processor time one request of it took (median) and the memory it
 * allocated (mean), counted over every thread of the process (the server's worker does the rendering), and of
 * that memory what the harness's own thread took to read the response ("reader kB"). Processor time depends
 * far less than the elapsed time on what else runs on the machine. Then how many collections the timed
 * requests met, and the percentiles of the requests that met none: what the collector adds to the tail.
 * With {@code --tasks-log}, what every thread of the process did during the slowest requests ({@link Tasks}).
 */
public final class RenderTimes {
    static final Instant DEMO_NOW = Instant.parse("2024-06-20T09:38:00Z");
    private static final int COMMENTS = 200;
    private static final String NOT_FOUND = "/no-such-page/";
    /** Each page's request, encoded once. */
    private static final Map<String, byte[]> REQUESTS = new java.util.HashMap<>();
    /** How the headline of the article with {@value #COMMENTS} comments begins, to find it in a site made before. */
    private static final String DISCUSSED = "Readers answer: ";
    /**
     * After the warm-up's fixed rounds, rounds are taken this many at a time until the JIT compilers worked
     * less than a hundredth of such a stretch: with the default 3,000 rounds they were still compiling through
     * the timed part (135 methods to their final tier in 20 seconds, the request path's included: a method run
     * once a request is compiled for good after some 5,000 calls, more with the launcher's
     * {@code -XX:CompileThresholdScaling=2}), and on two processors a compilation under way made the request
     * beside it wait: the p99 of {@code /healthz} was 4 ms for a p50 of 0.2 ms.
     */
    private static final int SETTLING_ROUNDS = 500;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "--data", "--articles", "--warm-up", "--warm-up-limit",
                "--iterations", "--tasks-log");
        Path data = Path.of(Options.required(options, "--data"));
        int articles = Options.number(options, "--articles", 500);
        int warmUp = Options.number(options, "--warm-up", 3000);
        int warmUpLimit = Options.number(options, "--warm-up-limit", 300);
        int iterations = Options.number(options, "--iterations", 2000);
        String tasksLog = options.get("--tasks-log");
        boolean fresh = !Files.exists(data.resolve("dateline.db"));
        // the page cache off, so that every request makes its page
        try (Wiring wiring = Sites.open(data.toString(), Map.of("host", "127.0.0.1", "port", "0",
                "base-url", "http://localhost", "page-cache-mb", "0"))) {
            if (fresh) {
                new DemoSite(wiring.site(), wiring.accounts(), wiring.articles(), wiring.comments())
                        .fill(articles, 1, DEMO_NOW, null);
            }
            String discussed = fresh ? discussedArticle(wiring) : wiring.articles()
                    .latest(PageRequest.first(10)).items().stream().filter(a -> a.headline().startsWith(DISCUSSED))
                    .findFirst().orElseThrow(() -> new IllegalStateException(data + " has no article with "
                            + COMMENTS + " comments: give an empty folder")).path();
            String section = "/sections/" + wiring.articles().sections().get(0).slug() + "/";
            WebServer web = wiring.startWeb();
            LoopbackReader reader = new LoopbackReader(web.port());

            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("article, " + COMMENTS + " comments", discussed);
            pages.put("front page", "/");
            pages.put("section page", section);
            pages.put("baseline: /healthz", "/healthz");
            pages.put("baseline: not found", NOT_FOUND);
            // the warm-up takes the very steps the timed part takes, measuring included, so that the timed part
            // runs no code the compilers have not yet seen
            Measured warming = new Measured(pages.keySet(), iterations, tasksLog == null ? null : Tasks.ofThisProcess(0));
            long warmingSince = System.nanoTime();
            int warmUpRounds = 0;
            for (; warmUpRounds < warmUp; warmUpRounds++) warming.round(reader, pages);
            long warmingLimit = warmingSince + Duration.ofSeconds(warmUpLimit).toNanos();
            boolean settled = false;
            while (!settled && System.nanoTime() < warmingLimit) {
                long compiledBefore = Compilers.millis();
                long since = System.nanoTime();
                for (int i = 0; i < SETTLING_ROUNDS; i++) warming.round(reader, pages);
                warmUpRounds += SETTLING_ROUNDS;
                settled = (Compilers.millis() - compiledBefore) * 100 <= (System.nanoTime() - since) / 1_000_000;
            }
            Tasks tasks = tasksLog == null ? null : Tasks.ofThisProcess(iterations * pages.size());
            Measured timed = new Measured(pages.keySet(), iterations, tasks);
            Collections collectionsBefore = Collections.sinceStart();
            long compiledBefore = Compilers.millis();
            long timedSince = System.nanoTime();
            for (int i = 0; i < iterations; i++) timed.round(reader, pages);
            long timedMillis = (System.nanoTime() - timedSince) / 1_000_000;
            long compiledMillis = Compilers.millis() - compiledBefore;
            System.out.printf(Locale.ROOT, "Java %s; %d articles; page cache off; one kept-alive loopback connection; "
                            + "%d warm-up (%s after %.0f s) and %d timed requests of each page, taken in turn%n",
                    Runtime.version(), articles, warmUpRounds, settled ? "compilation settled" : "compilation NOT settled",
                    (timedSince - warmingSince) / 1e9, iterations);
            timed.print(System.out);
            Collections collections = Collections.sinceStart().minus(collectionsBefore);
            System.out.printf(Locale.ROOT, "during the timed requests (%.1f s): the JIT compilers worked %d ms; %d "
                            + "collections (%s), %d ms in all, %.1f ms each; heap at most %d MB%n", timedMillis / 1000.0,
                    compiledMillis, collections.count(), Collections.collectors(), collections.millis(),
                    collections.count() == 0 ? 0.0 : (double) collections.millis() / collections.count(),
                    Runtime.getRuntime().maxMemory() >> 20);
            timed.printCollided(System.out);
            if (tasks != null) {
                try (PrintStream log = new PrintStream(Files.newOutputStream(Path.of(tasksLog)), false, StandardCharsets.UTF_8)) {
                    tasks.report(timed.p99s(), System.out, log);
                }
            }
            System.out.printf(Locale.ROOT, "%d comments shown on %s%n",
                    count(page(reader, discussed), "class=\"comment-body\""), discussed);
        }
        System.exit(0); // the site's background work keeps threads that need not finish
    }

    /** What the requests of each page took, measured one round of the pages at a time. */
    private static final class Measured {
        private final Map<String, Timings> timings = new LinkedHashMap<>();
        private final Map<String, Timings> withoutCollection = new LinkedHashMap<>();
        private final Map<String, Timings> processorTimes = new LinkedHashMap<>();
        private final Map<String, Integer> sizes = new LinkedHashMap<>();
        private final Map<String, long[]> allocated = new LinkedHashMap<>();
        private final Map<String, long[]> reading = new LinkedHashMap<>();
        private final Map<String, int[]> collided = new LinkedHashMap<>();
        private final Tasks tasks;
        private int rounds;

        Measured(Collection<String> names, int expectedRounds, Tasks tasks) {
            this.tasks = tasks;
            for (String name : names) {
                timings.put(name, new Timings(expectedRounds));
                withoutCollection.put(name, new Timings(expectedRounds));
                processorTimes.put(name, new Timings(expectedRounds));
                allocated.put(name, new long[1]);
                reading.put(name, new long[1]);
                collided.put(name, new int[1]);
            }
        }

        void round(LoopbackReader reader, Map<String, String> pages) throws IOException {
            for (var page : pages.entrySet()) {
                String name = page.getKey();
                Work before = Work.sinceStart();
                if (tasks != null) tasks.before();
                long started = System.nanoTime();
                int bytes = answer(reader, page.getValue(), null);
                long elapsed = System.nanoTime() - started;
                if (tasks != null) tasks.after(name, started, elapsed);
                timings.get(name).add(elapsed);
                Work done = Work.sinceStart().minus(before);
                if (done.collections() == 0) withoutCollection.get(name).add(elapsed);
                else collided.get(name)[0]++;
                processorTimes.get(name).add(done.processorNanos());
                allocated.get(name)[0] += done.allocatedBytes();
                reading.get(name)[0] += done.readingBytes();
                sizes.put(name, bytes);
            }
            rounds++;
        }

        void print(PrintStream out) {
            out.printf(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s %9s %9s%n", "page", "bytes", "p50 ms", "p99 ms", "max ms",
                    "cpu ms", "alloc kB", "reader kB");
            for (var page : timings.entrySet()) {
                String name = page.getKey();
                out.printf(Locale.ROOT, "%-28s %9d %s %9.3f %9.0f %9.0f%n", name, sizes.get(name), page.getValue().summary(),
                        processorTimes.get(name).percentileMillis(50), allocated.get(name)[0] / 1024.0 / rounds,
                        reading.get(name)[0] / 1024.0 / rounds);
            }
        }

        void printCollided(PrintStream out) {
            for (var page : withoutCollection.entrySet()) {
                out.printf(Locale.ROOT, "%-28s %4d requests met a collection; the others: p50 %.3f, p99 %.3f ms%n",
                        page.getKey(), collided.get(page.getKey())[0], page.getValue().percentileMillis(50),
                        page.getValue().percentileMillis(99));
            }
        }

        Map<String, Double> p99s() {
            Map<String, Double> p99s = new LinkedHashMap<>();
            for (var page : timings.entrySet()) p99s.put(page.getKey(), page.getValue().percentileMillis(99));
            return p99s;
        }
    }

    /** The time the JIT compilers have spent compiling since the JVM started, in milliseconds. */
    private static final class Compilers {
        private static final CompilationMXBean BEAN = ManagementFactory.getCompilationMXBean();

        static long millis() {
            return BEAN == null || !BEAN.isCompilationTimeMonitoringSupported() ? 0 : BEAN.getTotalCompilationTime();
        }
    }

    /**
     * A new article with {@value #COMMENTS} approved comments: forty conversations of a comment and four
     * replies, so that one page shows them all (fifty conversations a page is the default).
     */
    private static String discussedArticle(Wiring wiring) {
        var newest = wiring.articles().latest(PageRequest.first(1)).items().get(0);
        FullArticle model = wiring.articles().full(newest.id()).orElseThrow();
        var a = model.article();
        Instant at = a.publishedAt().minus(Duration.ofMinutes(5));
        FullArticle article = wiring.articles().publishNew(new ArticleDraft(DISCUSSED + a.headline(), null,
                a.standfirst(), a.bodySource(), a.bodyFormat(), a.type(), a.sectionId(),
                model.tags().stream().map(Tag::name).toList(),
                model.bylines().stream().map(b -> b.accountId()).toList(), a.datelinePlace(), true, null), at);
        List<CommentService.Imported> thread = new ArrayList<>();
        for (int i = 0; i < COMMENTS; i++) {
            int first = i - i % 5;
            int parent = i % 5 == 0 ? -1 : (i % 5 == 3 ? i - 1 : first);
            thread.add(new CommentService.Imported(parent, "Reader " + (i + 1), "reader" + (i + 1) + "@example.org",
                    i % 7 == 0 ? "https://reader" + (i + 1) + ".example.org" : null,
                    "I read this twice. The part about the second vote is what matters here, and the figures "
                            + "from last year say the same.\n\nWhat happens to the people who live there now? "
                            + "Comment " + (i + 1) + ".",
                    at.plus(Duration.ofMinutes(i + 1)), CommentStatus.APPROVED));
        }
        wiring.comments().importThreads(List.of(new CommentService.ImportedThread(article.article().id(), thread)));
        return article.article().path();
    }

    private static int statusOf(String path) {
        return path.equals(NOT_FOUND) ? 404 : 200;
    }

    /** Asks for a page and reads its body, keeping none of it; answers its length in bytes. */
    private static int answer(LoopbackReader reader, String path, ByteArrayOutputStream body) throws IOException {
        LoopbackReader.Answer answer = reader.get(REQUESTS.computeIfAbsent(path, LoopbackReader::request), body);
        if (answer.status() != statusOf(path)) throw new IllegalStateException(path + " answered " + answer.status());
        return answer.bodyBytes();
    }

    private static String page(LoopbackReader reader, String path) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        answer(reader, path, body);
        return body.toString(StandardCharsets.UTF_8);
    }

    /**
     * The processor time and the memory every live thread of the process has used so far. A request runs on
     * one of the server's threads, which live as long as the server, so the difference across a request is
     * what it cost, whichever thread served it (plus whatever the site's background work did meanwhile).
     */
    private record Work(long processorNanos, long allocatedBytes, long readingBytes, long collections) {
        private static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        static Work sinceStart() {
            long processor = 0;
            for (long time : THREADS.getThreadCpuTime(THREADS.getAllThreadIds())) processor += Math.max(0, time);
            return new Work(processor, THREADS.getTotalThreadAllocatedBytes(), THREADS.getCurrentThreadAllocatedBytes(),
                    Collections.countSinceStart());
        }

        Work minus(Work earlier) {
            return new Work(processorNanos - earlier.processorNanos, allocatedBytes - earlier.allocatedBytes,
                    readingBytes - earlier.readingBytes, collections - earlier.collections);
        }
    }

    /**
     * The garbage collector's work so far: how many collections and their total time as the JVM counts it (for
     * G1's young collections, the pauses). A request that met a collection waited for it, which a percentile of
     * the elapsed time cannot tell apart from other work on the machine.
     */
    private record Collections(long count, long millis) {
        private static final List<java.lang.management.GarbageCollectorMXBean> COLLECTORS =
                ManagementFactory.getGarbageCollectorMXBeans();

        static Collections sinceStart() {
            long count = 0;
            long millis = 0;
            for (var gc : COLLECTORS) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            return new Collections(count, millis);
        }

        /** The number alone, without making a record: read around every timed request. */
        static long countSinceStart() {
            long count = 0;
            for (var gc : COLLECTORS) count += Math.max(0, gc.getCollectionCount());
            return count;
        }

        Collections minus(Collections earlier) {
            return new Collections(count - earlier.count, millis - earlier.millis);
        }

        static String collectors() {
            return String.join(" and ", COLLECTORS.stream().map(java.lang.management.MemoryManagerMXBean::getName).toList());
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }
}
