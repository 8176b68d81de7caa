package dateline.search;

import java.util.List;

/**
 * One thing to look for: a single word, or a phrase of several that must occur together and in order.
 * Words hold only letters, digits and the marks that accent them, in lower case.
 */
public record Term(List<String> words) {
    public Term {
        words = List.copyOf(words);
        if (words.isEmpty()) throw new IllegalArgumentException("A term has at least one word");
    }

    public static Term of(String... words) {
        return new Term(List.of(words));
    }

    public boolean isPhrase() {
        return words.size() > 1;
    }

    /** The term as a person would type it: a word, or a phrase in quotes. */
    @Override
    public String toString() {
        return isPhrase() ? "\"" + String.join(" ", words) + "\"" : words.get(0);
    }
}
