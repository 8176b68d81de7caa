package dateline.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The export files under {@code src/test/resources/imports/}, described in the README beside them. */
public final class Fixtures {
    private Fixtures() {}

    /** A fixture file by name, such as "wordpress-site.xml". */
    public static Path file(String name) {
        var url = Fixtures.class.getResource("/imports/" + name);
        if (url == null) throw new IllegalArgumentException("no fixture " + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The copy of {@code wp-content/uploads} that matches the attachments of wordpress-site.xml. */
    public static Path uploads() {
        return file("uploads");
    }

    /** The first line (counted from 1) of a fixture that contains the text. */
    public static int lineOf(String name, String text) {
        try {
            List<String> lines = Files.readAllLines(file(name));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) return i + 1;
            }
            throw new IllegalArgumentException(name + " has no line with " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
