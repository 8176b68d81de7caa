package dateline.search;

import java.util.ArrayList;
import java.util.List;

/**
 * Text with the places where search terms occur marked: plain fragments, each marked or not, so that the
 * template escapes every one of them and wraps the marked ones in {@code <mark>}. Nothing an article says
 * can become markup this way.
 */
public record Highlighted(List<Fragment> fragments) {
    /** Where an index's highlighting begins and ends a match: private-use characters no article keeps (see {@link #clean}). */
    public static final char START = '\uE000';
    public static final char END = '\uE001';

    public record Fragment(String text, boolean marked) {}

    public Highlighted {
        fragments = List.copyOf(fragments);
    }

    public static Highlighted plain(String text) {
        return new Highlighted(text.isEmpty() ? List.of() : List.of(new Fragment(text, false)));
    }

    /**
     * Reads text in which an index put {@link #START} and {@link #END} around each match. A match left
     * open at the end is closed there; a stray end is dropped.
     */
    public static Highlighted fromMarked(String marked) {
        List<Fragment> fragments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean inside = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == START || c == END) {
                boolean opens = c == START;
                if (opens == inside) continue;
                if (text.length() > 0) fragments.add(new Fragment(text.toString(), inside));
                text.setLength(0);
                inside = opens;
            } else {
                text.append(c);
            }
        }
        if (text.length() > 0) fragments.add(new Fragment(text.toString(), inside));
        return new Highlighted(fragments);
    }

    /**
     * A hit's excerpt from the marked texts an index gives: the body's, where the terms occur in it; else the
     * standfirst, when they occur there; else the body's opening.
     */
    static Highlighted excerpt(String body, String standfirst) {
        if (body != null && body.indexOf(START) >= 0) return fromMarked(body);
        if (standfirst != null && standfirst.indexOf(START) >= 0) return fromMarked(standfirst);
        return fromMarked(body == null ? "" : body);
    }

    /** The text an index is given: without the two marker characters, so that only the index places them. */
    public static String clean(String text) {
        return text.replace(String.valueOf(START), "").replace(String.valueOf(END), "");
    }

    /** The text without its marks. */
    public String text() {
        StringBuilder all = new StringBuilder();
        fragments.forEach(f -> all.append(f.text()));
        return all.toString();
    }

    public boolean isEmpty() {
        return fragments.isEmpty();
    }
}
