package dateline.moderation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Comments whose class is known, as CSV with the columns COMMENT_ID, AUTHOR, DATE, CONTENT and CLASS (1 for
 * spam, 0 for a wanted comment): the classifier's built-in examples, and the files it is measured on.
 */
final class LabelledComments {
    /** A labelled comment. */
    record Labelled(String author, String content, boolean spam) {
        SpamLearning.Example example() {
            return new SpamLearning.Example(SpamFeatures.of(author, "", content), spam);
        }
    }

    private static final String BUILT_IN = "/spam/prior.csv";

    private LabelledComments() {}

    static List<Labelled> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    static List<Labelled> read(Reader reader) throws IOException {
        List<Labelled> all = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = format.parse(reader)) {
            for (CSVRecord row : parser) {
                String label = row.isSet("CLASS") ? row.get("CLASS").strip() : "";
                if (!label.equals("0") && !label.equals("1") || !row.isSet("AUTHOR") || !row.isSet("CONTENT")) {
                    throw new IOException("Line " + parser.getCurrentLineNumber() + ": expected the columns AUTHOR, "
                            + "CONTENT and CLASS (0 or 1)");
                }
                all.add(new Labelled(row.get("AUTHOR"), row.get("CONTENT"), label.equals("1")));
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException("Not a CSV file of labelled comments: " + e.getMessage(), e);
        }
        return all;
    }

    /** The examples every site starts from, so that a new site is not defenceless. */
    static List<Labelled> builtIn() {
        try (var in = LabelledComments.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) throw new IllegalStateException("The built-in spam examples " + BUILT_IN + " are missing");
            return read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
