package dateline.markup;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two texts, word by word: runs of words that stayed, were added or were removed,
 * as an editor comparing revisions and a reader opening an article's update history see them.
 */
public final class WordDiff {
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}’'_-]+|[^\\s\\p{L}\\p{N}]");

    public enum Kind { SAME, ADDED, REMOVED }

    public record Segment(Kind kind, String text) {
        public boolean isAdded() {
            return kind == Kind.ADDED;
        }

        public boolean isRemoved() {
            return kind == Kind.REMOVED;
        }
    }

    private WordDiff() {}

    public static List<Segment> between(String before, String after) {
        List<String> from = tokens(before);
        List<String> to = tokens(after);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Kind.SAME, String.join("", from.subList(position, start)));
            add(segments, Kind.REMOVED, String.join("", delta.getSource().getLines()));
            add(segments, Kind.ADDED, String.join("", delta.getTarget().getLines()));
            position = start + delta.getSource().size();
        }
        add(segments, Kind.SAME, String.join("", from.subList(position, from.size())));
        return segments;
    }

    public static boolean changed(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s.kind() != Kind.SAME);
    }

    /**
     * The same difference with long unchanged stretches cut down to {@code words} words on each side of a
     * change, so that a reader sees the changes and enough around them to follow.
     */
    public static List<Segment> aroundChanges(List<Segment> segments, int words) {
        List<Segment> shortened = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.kind() != Kind.SAME) {
                shortened.add(s);
                continue;
            }
            boolean first = i == 0;
            boolean last = i == segments.size() - 1;
            List<String> tokens = tokens(s.text());
            int keep = words * 2;
            if (wordCount(tokens) <= (first || last ? words : keep)) {
                shortened.add(s);
            } else if (first) {
                shortened.add(new Segment(Kind.SAME, "… " + lastWords(tokens, words)));
            } else if (last) {
                shortened.add(new Segment(Kind.SAME, firstWords(tokens, words) + " …"));
            } else {
                shortened.add(new Segment(Kind.SAME, firstWords(tokens, words) + " … " + lastWords(tokens, words)));
            }
        }
        return shortened;
    }

    private static void add(List<Segment> segments, Kind kind, String text) {
        if (text.isEmpty()) return;
        if (!segments.isEmpty() && segments.get(segments.size() - 1).kind() == kind) {
            Segment previous = segments.remove(segments.size() - 1);
            segments.add(new Segment(kind, previous.text() + text));
        } else {
            segments.add(new Segment(kind, text));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) tokens.add(m.group());
        return tokens;
    }

    private static int wordCount(List<String> tokens) {
        return (int) tokens.stream().filter(t -> !t.isBlank()).count();
    }

    private static String firstWords(List<String> tokens, int words) {
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (String t : tokens) {
            if (!t.isBlank() && ++seen > words) break;
            out.append(t);
        }
        return out.toString().stripTrailing();
    }

    private static String lastWords(List<String> tokens, int words) {
        StringBuilder out = new StringBuilder();
        int seen = 0;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            String t = tokens.get(i);
            if (!t.isBlank() && ++seen > words) break;
            out.insert(0, t);
        }
        return out.toString().stripLeading();
    }
}
