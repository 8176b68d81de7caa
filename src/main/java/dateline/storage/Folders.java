package dateline.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Folders a command makes for a while (a snapshot, a restore being unpacked, a benchmark's site) and removes. */
public final class Folders {
    private Folders() {}

    /** Deletes {@code folder} and everything in it, the deepest first; a folder already gone is no error. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : all) Files.deleteIfExists(path);
    }
}
