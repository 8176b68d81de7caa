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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * <pre>RenderTimes --data DIR [--articles 500] [--warm-up 3000] [--iterations 2000]</pre>
 * fills DIR with a demonstration site when it has none, then prints one line per page: the body's bytes, p50,
 * p99 and max in milliseconds, then the processor time one request of it took (median) and the memory it
 * allocated (mean), counted over every thread of the process (the server's worker does the rendering), and of
 * that memory what the harness's own thread took to read the response ("reader kB"). Processor time depends
 * far less than the elapsed time on what else runs on the machine. Then how many collections the timed
 * requests met, and the percentiles of the requests that met none: what the collector adds to the tail.
 */
public final class RenderTimes {
    static final Instant DEMO_NOW = Instant.parse("2024-06-20T09:38:00Z");
    private static final int COMMENTS = 200;
    private static final String NOT_FOUND = "/no-such-page/";
    /** Each page's request, encoded once. */
    private static final Map<String, byte[]> REQUESTS = new java.util.HashMap<>();
    /** How the headline of the article with {@value #COMMENTS} comments begins, to find it in a site made before. */
    private static final String DISCUSSED = "Readers answer: ";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "--data", "--articles", "--warm-up", "--iterations");
        Path data = Path.of(Options.required(options, "--data"));
        int articles = Options.number(options, "--articles", 500);
        int warmUp = Options.number(options, "--warm-up", 3000);
        int iterations = Options.number(options, "--iterations", 2000);
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
            Map<String, Timings> timings = new LinkedHashMap<>();
            Map<String, Timings> withoutCollection = new LinkedHashMap<>();
            Map<String, Timings> processorTimes = new LinkedHashMap<>();
            Map<String, Integer> sizes = new LinkedHashMap<>();
            Map<String, Long> allocated = new LinkedHashMap<>();
            Map<String, Long> reading = new LinkedHashMap<>();
            for (String name : pages.keySet()) {
                timings.put(name, new Timings());
                withoutCollection.put(name, new Timings());
                processorTimes.put(name, new Timings());
                allocated.put(name, 0L);
                reading.put(name, 0L);
            }

            for (int i = 0; i < warmUp; i++) {
                for (String path : pages.values()) answer(reader, path, null);
            }
            Collections collectionsBefore = Collections.sinceStart();
            Map<String, Integer> collided = new LinkedHashMap<>();
            for (int i = 0; i < iterations; i++) {
                for (var page : pages.entrySet()) {
                    Work before = Work.sinceStart();
                    long started = System.nanoTime();
                    int bytes = answer(reader, page.getValue(), null);
                    long elapsed = System.nanoTime() - started;
                    timings.get(page.getKey()).add(elapsed);
                    Work done = Work.sinceStart().minus(before);
                    if (done.collections() == 0) withoutCollection.get(page.getKey()).add(elapsed);
                    else collided.merge(page.getKey(), 1, Integer::sum);
                    processorTimes.get(page.getKey()).add(done.processorNanos());
                    allocated.merge(page.getKey(), done.allocatedBytes(), Long::sum);
                    reading.merge(page.getKey(), done.readingBytes(), Long::sum);
                    sizes.put(page.getKey(), bytes);
                }
            }
            System.out.printf(Locale.ROOT, "Java %s; %d articles; page cache off; one kept-alive loopback connection; "
                            + "%d warm-up and %d timed requests of each page, taken in turn%n",
                    Runtime.version(), articles, warmUp, iterations);
            System.out.printf(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s %9s %9s%n", "page", "bytes", "p50 ms", "p99 ms", "max ms",
                    "cpu ms", "alloc kB", "reader kB");
            for (var page : timings.entrySet()) {
                System.out.printf(Locale.ROOT, "%-28s %9d %s %9.3f %9.0f %9.0f%n", page.getKey(), sizes.get(page.getKey()),
                        page.getValue().summary(), processorTimes.get(page.getKey()).percentileMillis(50),
                        allocated.get(page.getKey()) / 1024.0 / iterations, reading.get(page.getKey()) / 1024.0 / iterations);
            }
            Collections collections = Collections.sinceStart().minus(collectionsBefore);
            System.out.printf(Locale.ROOT, "during the timed requests: %d collections (%s), %d ms in all, %.1f ms each; "
                            + "heap at most %d MB%n", collections.count(), Collections.collectors(), collections.millis(),
                    collections.count() == 0 ? 0.0 : (double) collections.millis() / collections.count(),
                    Runtime.getRuntime().maxMemory() >> 20);
            for (var page : withoutCollection.entrySet()) {
                System.out.printf(Locale.ROOT, "%-28s %4d requests met a collection; the others: p50 %.3f, p99 %.3f ms%n",
                        page.getKey(), collided.getOrDefault(page.getKey(), 0), page.getValue().percentileMillis(50),
                        page.getValue().percentileMillis(99));
            }
            System.out.printf(Locale.ROOT, "%d comments shown on %s%n",
                    count(page(reader, discussed), "class=\"comment-body\""), discussed);
        }
        System.exit(0); // the site's background work keeps threads that need not finish
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
