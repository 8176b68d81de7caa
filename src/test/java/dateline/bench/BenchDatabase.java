package dateline.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * A PostgreSQL server for benchmarks, from the tests' embedded binaries, so that {@code bench/nodes} needs nothing
 * installed beyond Maven: started on a loopback port with its data in the folder given, it prints its JDBC
 * address on one line and runs until its process is stopped. A folder that already holds a server's data is used
 * as it is.
 */
public final class BenchDatabase {
    private BenchDatabase() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("Give the folder for the server's data");
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setServerConfig("max_connections", "200")
                .setCleanDataDirectory(false) // a folder kept (KEEP_DATA) keeps its site for the next run
                .start(); // stopped by its own shutdown hook when this process is
        System.out.println(server.getJdbcUrl("postgres", "postgres"));
        System.out.flush();
        Thread.currentThread().join();
    }
}
