package dateline;

import dateline.storage.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 4: sustained comment posts per second through the real HTTP form path, against {@code dateline
 * serve} running as a process of its own on a fresh data folder, with p50 and p99 latency. The baseline,
 * measured in the same run with the same clients, is a GET of the article page the comments go under
 * (answered from the page cache): what the HTTP path costs before any write. Then the server is stopped and
 * every comment that was acknowledged is looked for in the database.
 *
 * <pre>java -cp target/dateline.jar dateline.CommentWritesBenchmark [--seconds 20] [--clients 16] [--profile FILE]</pre>
 *
 * <p>With {@code --profile}, the server records a Java Flight Recording (profiling settings) into FILE, which
 * {@code jfr print --events jdk.ExecutionSample FILE} shows. Beside the server's processor time per request
 * it prints this program's own (the clients'), which shares the machine with the server.
 */
public final class CommentWritesBenchmark {
    private record Run(String what, int requests, double seconds, long[] nanos, Map<Integer, Integer> statuses,
                       Duration serverCpu, Duration clientCpu, Map<String, Long> serverThreads) {
        String line() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "%-22s %7d requests %8.1f /s   p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms"
                            + "   server CPU %5.2f ms/request   clients' CPU %5.2f ms/request   %s",
                    what, requests, requests / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    requests == 0 ? 0 : serverCpu.toNanos() / 1e6 / requests,
                    requests == 0 ? 0 : clientCpu.toNanos() / 1e6 / requests, statuses)
                    + (serverThreads.isEmpty() || requests == 0 ? "" : String.format(Locale.ROOT,
                    "%n%-22s server CPU by thread, ms/request: %s", "", threadsLine()));
        }

        private String threadsLine() {
            List<String> parts = new ArrayList<>();
            serverThreads.forEach((group, nanos) -> parts.add(String.format(Locale.ROOT, "%s %.2f", group, nanos / 1e6 / requests)));
            return String.join(", ", parts);
        }
    }

    private interface Request {
        CommentLoad.Answer send(long n) throws IOException;
    }

    private CommentWritesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = 20;
        int clients = 16;
        String profile = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--profile" -> profile = Path.of(args[i + 1]).toAbsolutePath().toString();
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("dateline-comment-writes-");
        try {
            run(data, Duration.ofSeconds(seconds), clients, profile);
        } finally {
            Folders.deleteTree(data);
        }
    }

    private static void run(Path data, Duration length, int clients, String profile) throws Exception {
        CommentLoad.Target target = CommentLoad.prepare(data);
        int port = freePort();
        Path log = data.resolve("server.log");
        Process server = profile == null ? CommentLoad.serve(data, port, log, "-Xmx512m")
                : CommentLoad.serve(data, port, log, "-Xmx512m", "-XX:FlightRecorderOptions:stackdepth=256",
                        "-XX:StartFlightRecording=settings=profile,filename=" + profile);
        List<Long> accepted = new ArrayList<>();
        try {
            if (!CommentLoad.awaitHealthy(port, Duration.ofSeconds(60))) {
                throw new IllegalStateException("The server did not start; see " + Files.readString(log));
            }
            String token = CommentLoad.formToken(port, target.articleId());
            AtomicLong numbers = new AtomicLong();
            System.out.printf(Locale.ROOT, "Comment writes: %d clients, %d s each, a new connection per request, "
                    + "on loopback; synchronous=FULL%n", clients, length.toSeconds());
            Request page = n -> CommentLoad.get(port, target.path(), n);
            Request comment = n -> CommentLoad.post(port, target, token, n);
            load("warm-up", clients, Duration.ofSeconds(3), page, numbers, null, server);
            System.out.println(load("GET article (cached)", clients, length.dividedBy(2), page, numbers, null, server).line());
            // long enough for the compiler to finish with the comment path, whose work would count as the server's:
            // 10 s, and on Linux then on until the compiler's threads take under a tenth of the server's processor
            // time over two seconds (at most a minute more; on a busy machine it takes longer than 10 s)
            load("warm-up", clients, Duration.ofSeconds(10), comment, numbers, accepted, server);
            for (int more = 0; more < 30; more++) {
                Map<String, Long> before = ThreadTimes.of(server.pid());
                load("warm-up", clients, Duration.ofSeconds(2), comment, numbers, accepted, server);
                if (ThreadTimes.compilerSettled(ThreadTimes.since(before, ThreadTimes.of(server.pid())))) break;
            }
            System.out.println(load("POST comment", clients, length, comment, numbers, accepted, server).line());
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        Settings settings = Settings.resolve(Map.of("data", data.toString()), Map.of());
        try (Wiring wiring = Wiring.open(settings, Clock.systemUTC())) {
            long missing = accepted.stream().filter(id -> wiring.comments().byId(id).isEmpty()).count();
            System.out.printf(Locale.ROOT, "Acknowledged comments: %d, of which missing after the server stopped: %d%n",
                    accepted.size(), missing);
        }
    }

    private static Run load(String what, int clients, Duration length, Request request, AtomicLong numbers,
                            List<Long> accepted, Process server) throws Exception {
        Map<String, Long> threadsBefore = ThreadTimes.of(server.pid());
        Duration cpuBefore = cpuOf(server);
        Duration clientCpuBefore = cpuOf(ProcessHandle.current());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        List<Future<List<CommentLoad.Answer>>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                List<CommentLoad.Answer> answers = new ArrayList<>();
                while (System.nanoTime() < end) answers.add(request.send(numbers.getAndIncrement()));
                return answers;
            }));
        }
        List<CommentLoad.Answer> all = new ArrayList<>();
        for (Future<List<CommentLoad.Answer>> w : work) all.addAll(w.get());
        double seconds = (System.nanoTime() - start) / 1e9;
        Duration cpu = cpuOf(server).minus(cpuBefore);
        Map<String, Long> threads = ThreadTimes.since(threadsBefore, ThreadTimes.of(server.pid()));
        Duration clientCpu = cpuOf(ProcessHandle.current()).minus(clientCpuBefore);
        pool.shutdown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CommentLoad.Answer a : all) {
            statuses.merge(a.status(), 1, Integer::sum);
            if (accepted != null && a.accepted()) {
                synchronized (accepted) {
                    accepted.add(a.commentId());
                }
            }
        }
        return new Run(what, all.size(), seconds, all.stream().mapToLong(CommentLoad.Answer::nanos).toArray(), statuses,
                cpu, clientCpu, threads);
    }

    /**
     * The processor time of a process's threads by kind (the request threads, the database writer, the JIT
     * compiler, the garbage collector, the rest), from Linux's {@code /proc}: what a request's processor time
     * is spent on besides the request's own code. Empty where {@code /proc} is not there. Counted in the
     * kernel's clock ticks (a hundredth of a second), so meaningful over a run of seconds.
     */
    static final class ThreadTimes {
        private static final long NANOS_PER_TICK = 10_000_000;

        private ThreadTimes() {}

        static Map<String, Long> of(long pid) {
            Map<String, Long> kinds = new TreeMap<>();
            Path tasks = Path.of("/proc", Long.toString(pid), "task");
            try (var threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    try {
                        String stat = Files.readString(thread.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        kinds.merge(kindOf(Files.readString(thread.resolve("comm")).strip()), ticks * NANOS_PER_TICK, Long::sum);
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                return Map.of();
            }
            return kinds;
        }

        /** True when the JIT compiler took under a tenth of the processor time spent (or nothing is known). */
        static boolean compilerSettled(Map<String, Long> spent) {
            long total = spent.values().stream().mapToLong(Long::longValue).sum();
            return spent.isEmpty() || spent.getOrDefault("compiler", 0L) * 10 < total;
        }

        static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
            Map<String, Long> spent = new TreeMap<>();
            after.forEach((kind, nanos) -> spent.put(kind, Math.max(0, nanos - before.getOrDefault(kind, 0L))));
            return spent;
        }

        private static String kindOf(String thread) {
            // on JDK 21 and later, requests run on virtual threads, carried by the ForkJoinPool's
            if (thread.startsWith("JettyServerThre") || thread.startsWith("ForkJoinPool")) return "requests";
            if (thread.equals("dateline-writer")) return "writer";
            if (thread.startsWith("C1 Compiler") || thread.startsWith("C2 Compiler")) return "compiler";
            if (thread.startsWith("GC ") || thread.startsWith("G1 ") || thread.equals("VM Thread")) return "collector";
            return "other";
        }
    }

    /** The processor time a process has used so far, on all its threads. */
    private static Duration cpuOf(Process process) {
        return cpuOf(process.toHandle());
    }

    private static Duration cpuOf(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
