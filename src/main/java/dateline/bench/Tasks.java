package dateline.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every thread of this process did while each timed request was under way, as Linux counts it in
 * {@code /proc/self/task/ID/schedstat}: the time it ran and the time it waited, ready, for a processor. It
 * counts the threads the JVM's management beans do not show (the JIT compilers, the collector's, the VM's own),
 * so that a slow request can be set beside what else ran meanwhile; it told that the tail of
 * {@code bench/render} was the C2 compiler still at work.
 *
 * <p>Only the threads alive when it is made are followed. It reads a small file per thread before and after
 * each request (outside the time measured, but the process's processor time counts it), and keeps each
 * request's figures in one array made beforehand, so that it adds no garbage to what it watches.
 */
final class Tasks {
    private final List<String> names = new ArrayList<>();
    private final List<RandomAccessFile> files = new ArrayList<>();
    private final int threads;
    /** For each request, for each thread: nanoseconds run, then nanoseconds waited for a processor. */
    private final long[] spent;
    private final long[] starts;
    private final long[] elapsed;
    private final String[] pages;
    private final long[] before;
    private final long[] after;
    private final byte[] line = new byte[128];
    private int requests;

    private Tasks(Path tasks, int capacity) throws IOException {
        try (var list = Files.list(tasks)) {
            for (Path task : list.sorted().toList()) {
                names.add(Files.readString(task.resolve("comm")).strip() + " (" + task.getFileName() + ")");
                files.add(new RandomAccessFile(task.resolve("schedstat").toFile(), "r"));
            }
        }
        threads = names.size();
        spent = new long[capacity * threads * 2];
        starts = new long[capacity];
        elapsed = new long[capacity];
        pages = new String[capacity];
        before = new long[threads * 2];
        after = new long[threads * 2];
    }

    /** The threads of this process now, room for {@code capacity} requests; fails where there is no {@code /proc}. */
    static Tasks ofThisProcess(int capacity) throws IOException {
        return new Tasks(Path.of("/proc/self/task"), capacity);
    }

    void before() {
        read(before);
    }

    /** After a request of {@code page} started at {@code startNanos} ({@link System#nanoTime}) that took {@code elapsedNanos}. */
    void after(String page, long startNanos, long elapsedNanos) {
        read(after); // also when there is no more room: the warm-up runs the very code the timed part runs
        if (requests == starts.length) return;
        int at = requests * threads * 2;
        for (int i = 0; i < threads * 2; i++) spent[at + i] = after[i] - before[i];
        starts[requests] = startNanos;
        elapsed[requests] = elapsedNanos;
        pages[requests] = page;
        requests++;
    }

    /**
     * For each page, the threads' mean run and wait during its requests at or over its p99, beside their mean
     * during all its requests; into {@code log}, each of those slow requests with its start and end
     * ({@link System#nanoTime}, the clock of the JVM's {@code -Xlog:...:tn} decoration) and the threads that ran
     * or waited more than 0.1 ms meanwhile.
     */
    void report(Map<String, Double> p99Millis, PrintStream out, PrintStream log) {
        for (var page : p99Millis.entrySet()) {
            long threshold = (long) (page.getValue() * 1e6);
            double[] slow = new double[threads * 2];
            double[] all = new double[threads * 2];
            int slowCount = 0;
            int allCount = 0;
            for (int r = 0; r < requests; r++) {
                if (!pages[r].equals(page.getKey())) continue;
                allCount++;
                boolean isSlow = elapsed[r] >= threshold;
                if (isSlow) slowCount++;
                for (int i = 0; i < threads * 2; i++) {
                    all[i] += spent[r * threads * 2 + i];
                    if (isSlow) slow[i] += spent[r * threads * 2 + i];
                }
            }
            out.printf(Locale.ROOT, "%s: the %d requests at or over its p99 (%.3f ms), ms a request each thread ran "
                    + "and waited for a processor, against all its requests:%n", page.getKey(), slowCount, page.getValue());
            for (int i = 0; i < threads; i++) {
                double slowRun = slow[2 * i] / slowCount / 1e6;
                double slowWait = slow[2 * i + 1] / slowCount / 1e6;
                double allRun = all[2 * i] / allCount / 1e6;
                double allWait = all[2 * i + 1] / allCount / 1e6;
                if (slowRun + slowWait > 0.05 || allRun + allWait > 0.05) {
                    out.printf(Locale.ROOT, "   %-36s ran %7.3f waited %7.3f | all: ran %7.3f waited %7.3f%n",
                            names.get(i), slowRun, slowWait, allRun, allWait);
                }
            }
        }
        for (int r = 0; r < requests; r++) {
            if (elapsed[r] < (long) (p99Millis.get(pages[r]) * 1e6)) continue;
            StringBuilder who = new StringBuilder();
            for (int i = 0; i < threads; i++) {
                long ran = spent[r * threads * 2 + 2 * i];
                long waited = spent[r * threads * 2 + 2 * i + 1];
                if (ran + waited > 100_000) {
                    who.append(String.format(Locale.ROOT, "; %s ran %.2f waited %.2f", names.get(i), ran / 1e6, waited / 1e6));
                }
            }
            log.printf(Locale.ROOT, "%d %d %s: %.3f ms%s%n", starts[r], starts[r] + elapsed[r], pages[r], elapsed[r] / 1e6, who);
        }
    }

    /** Each thread's two first figures of {@code schedstat}: nanoseconds on a processor, nanoseconds waiting for one. */
    private void read(long[] into) {
        for (int i = 0; i < threads; i++) {
            long ran = 0;
            long waited = 0;
            try {
                RandomAccessFile file = files.get(i);
                file.seek(0);
                int length = file.read(line);
                int k = 0;
                while (k < length && line[k] != ' ') ran = ran * 10 + (line[k++] - '0');
                k++;
                while (k < length && line[k] != ' ') waited = waited * 10 + (line[k++] - '0');
            } catch (IOException e) {
                // a thread that has ended: it did nothing more
            }
            into[2 * i] = ran;
            into[2 * i + 1] = waited;
        }
    }
}
