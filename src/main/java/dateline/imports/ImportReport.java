package dateline.imports;

import java.util.List;
import java.util.Locale;

/**
 * What an import did (or, for a dry run, would do): per kind of thing, how many were created, matched
 * (already there from an earlier import of the same site, so left as they are) and skipped; and notes on
 * what was skipped and why, and what was changed on the way in.
 *
 * @param site the title and address of the site the export came from
 */
public record ImportReport(String site, List<Line> lines, List<String> notes, boolean dryRun) {
    /** The kinds, in the order a report lists them. */
    public static final List<String> KINDS = List.of("accounts", "sections", "tags", "articles", "pages", "comments",
            "media", "redirects");

    public ImportReport {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** One kind of thing: {@code kind} is one of {@link #KINDS}. */
    public record Line(String kind, int created, int matched, int skipped) {}

    /** The line of one kind. */
    public Line line(String kind) {
        return lines.stream().filter(l -> l.kind().equals(kind)).findFirst().orElse(new Line(kind, 0, 0, 0));
    }

    /** How many things of every kind were (or would be) created. */
    public int created() {
        return lines.stream().mapToInt(Line::created).sum();
    }

    /** The whole report as plain text, for the command line and the newsroom. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Dry run: nothing was written. Importing " + site + " would give:\n"
                : "Imported " + site + ":\n");
        out.append(String.format(Locale.ENGLISH, "%-10s %9s %9s %9s%n", "", dryRun ? "to create" : "created",
                "matched", "skipped"));
        for (Line line : lines) {
            out.append(String.format(Locale.ENGLISH, "%-10s %,9d %,9d %,9d%n", line.kind(), line.created(),
                    line.matched(), line.skipped()));
        }
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n");
            for (String note : notes) out.append("- ").append(note).append('\n');
        }
        return out.toString();
    }
}
