package dateline.imports;

import dateline.Settings;
import dateline.Wiring;
import dateline.storage.Folders;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Imports an export into a fresh site in a temporary data folder and reports how long it took and the most
 * heap it used (sampled every 10 ms), for {@code bench/wxr-import}. The folder is deleted afterwards.
 *
 * <pre>java -Xmx512m -cp target/dateline.jar dateline.imports.ImportBenchmark FILE</pre>
 */
public final class ImportBenchmark {
    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: wxr-import FILE");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Path data = Files.createTempDirectory("dateline-import-bench-");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try (Wiring wiring = Wiring.open(Settings.resolve(Map.of("data", data.toString()), Map.of()), Clock.systemUTC())) {
            // the whole process's processor time: the writes run on the database's writer thread, not this one
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuAtStart = os.getProcessCpuTime();
            long started = System.nanoTime();
            long[] printed = {started};
            ImportReport report = wiring.imports().run(file, new WxrReader(), ImportOptions.plain(), (stage, done) -> {
                long now = System.nanoTime();
                if (now - printed[0] < 5_000_000_000L) return;
                printed[0] = now;
                System.out.printf("%6.1f s  %s: %,d%n", (now - started) / 1e9, stage, done);
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.print(report.text());
            double cpu = (os.getProcessCpuTime() - cpuAtStart) / 1e9;
            System.out.printf("imported in %.1f s (%.1f s of processor time, all threads), peak heap %d MB of %d MB%n", seconds, cpu,
                    peak.get() >> 20, memory.getHeapMemoryUsage().getMax() >> 20);
        } finally {
            sampler.interrupt();
            try {
                Folders.deleteTree(data);
            } catch (IOException e) {
                System.err.println("Could not delete " + data + ": " + e.getMessage());
            }
        }
    }
}
