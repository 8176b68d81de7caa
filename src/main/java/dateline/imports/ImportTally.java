package dateline.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The counts and notes of one pass over an export. Notes come in groups of one kind ("a sticky post…"):
 * a group shows its first few notes and says how many more there were, so that a report on ten thousand
 * articles stays readable.
 */
final class ImportTally {
    private static final int SHOWN_PER_GROUP = 5;

    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final Map<String, Group> notes = new LinkedHashMap<>();

    private static final class Group {
        final List<String> shown = new ArrayList<>();
        int count;
    }

    ImportTally() {
        for (String kind : ImportReport.KINDS) counts.put(kind, new int[3]);
    }

    void created(String kind) {
        counts.get(kind)[0]++;
    }

    void matched(String kind) {
        counts.get(kind)[1]++;
    }

    void skipped(String kind) {
        counts.get(kind)[2]++;
    }

    int createdCount(String kind) {
        return counts.get(kind)[0];
    }

    /** Adds a note to its group; a group says each note once. */
    void note(String group, String note) {
        Group g = notes.computeIfAbsent(group, k -> new Group());
        if (g.shown.contains(note)) return;
        g.count++;
        if (g.shown.size() < SHOWN_PER_GROUP) g.shown.add(note);
    }

    ImportReport report(String site, boolean dryRun) {
        List<ImportReport.Line> lines = new ArrayList<>();
        counts.forEach((kind, c) -> lines.add(new ImportReport.Line(kind, c[0], c[1], c[2])));
        List<String> text = new ArrayList<>();
        for (Group g : notes.values()) {
            text.addAll(g.shown);
            int more = g.count - g.shown.size();
            if (more > 0) text.add(String.format(Locale.ENGLISH, "…and %,d more like the one above.", more));
        }
        return new ImportReport(site, lines, text, dryRun);
    }
}
