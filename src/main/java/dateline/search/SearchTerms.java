package dateline.search;

import dateline.web.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a search asks for, read from what a person typed: the terms found articles contain, and the
 * terms they must not. It speaks no database's query language; each {@link SearchIndex} translates it.
 *
 * <p>Reading is forgiving: {@code "north korea"} is a phrase, {@code -sport} an exclusion, and every other
 * character that is not part of a word (operators, {@code *}, {@code ^}, {@code :}, brackets, symbols,
 * emoji) separates words and means nothing more. {@code AND}, {@code OR}, {@code NOT} and {@code NEAR} are
 * ordinary words. A search that cannot find anything sensible is refused with a message that says why.
 */
public record SearchTerms(List<Term> wanted, List<Term> unwanted) {
    /** The longest search read, in characters: longer ones are refused rather than cut where the reader did not choose. */
    public static final int MAX_LENGTH = 200;

    /**
     * Words too common to find anything on their own, in the languages the demonstration site writes in.
     * Inside a phrase they count ("the who"); alone, they would list every article.
     */
    static final Set<String> TOO_COMMON = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by", "for",
            "from", "has", "have", "he", "her", "his", "i", "in", "is", "it", "its", "not", "of", "on", "or", "she",
            "so", "that", "the", "their", "they", "this", "to", "was", "we", "were", "will", "with", "you");

    public SearchTerms {
        wanted = List.copyOf(wanted);
        unwanted = List.copyOf(unwanted);
    }

    public static SearchTerms none() {
        return new SearchTerms(List.of(), List.of());
    }

    /** True when nothing was typed: there is nothing to search for, and nothing wrong either. */
    public boolean isEmpty() {
        return wanted.isEmpty() && unwanted.isEmpty();
    }

    /**
     * Reads what a person typed. Blank input gives {@link #none()}.
     *
     * @throws InvalidInput (field {@code q}) when the search is too long, holds no word, only says what to
     *     leave out, or asks only for words too common to search for
     */
    public static SearchTerms parse(String typed) {
        if (typed == null || typed.isBlank()) return none();
        String text = typed.strip();
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw InvalidInput.of("q", "Keep your search under " + MAX_LENGTH + " characters: a few particular words find more than a long sentence.");
        }
        Set<Term> wanted = new LinkedHashSet<>();
        Set<Term> unwanted = new LinkedHashSet<>();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c)) {
                i += Character.charCount(c);
                continue;
            }
            boolean excluded = false;
            if (c == '-' && i + 1 < text.length() && !Character.isWhitespace(text.codePointAt(i + 1))) {
                excluded = true;
                i++;
                c = text.codePointAt(i);
            }
            int end;
            String part;
            if (isQuote(c)) {
                int start = i + Character.charCount(c);
                end = start;
                while (end < text.length() && !isQuote(text.codePointAt(end))) end += Character.charCount(text.codePointAt(end));
                part = text.substring(start, end);
                if (end < text.length()) end += Character.charCount(text.codePointAt(end));
            } else {
                end = i;
                while (end < text.length() && !Character.isWhitespace(text.codePointAt(end)) && !isQuote(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                part = text.substring(i, end);
            }
            i = Math.max(end, i + 1);
            List<String> words = wordsOf(part);
            if (!words.isEmpty()) (excluded ? unwanted : wanted).add(new Term(words));
        }
        unwanted.removeAll(wanted);
        if (wanted.isEmpty() && unwanted.isEmpty()) {
            throw InvalidInput.of("q", "Type a word or two to search for: punctuation and symbols on their own find nothing.");
        }
        if (wanted.isEmpty()) {
            throw InvalidInput.of("q", "Say what to look for as well as what to leave out: a search of only "
                    + "-words finds nothing.");
        }
        if (wanted.stream().allMatch(t -> !t.isPhrase() && TOO_COMMON.contains(t.words().get(0)))) {
            throw InvalidInput.of("q", "“" + String.join(" ", wanted.stream().map(Term::toString).toList())
                    + "” is too common to search for on its own: add a more particular word, or put a phrase in quotes.");
        }
        return new SearchTerms(List.copyOf(wanted), List.copyOf(unwanted));
    }

    /** The terms as they could be typed again, to show what was searched for. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        wanted.forEach(t -> parts.add(t.toString()));
        unwanted.forEach(t -> parts.add("-" + t));
        return String.join(" ", parts);
    }

    /** Runs of letters and digits (with the marks that accent them), in lower case. */
    static List<String> wordsOf(String part) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        part.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || (word.length() > 0 && isMark(c))) {
                word.appendCodePoint(c);
            } else if (word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        });
        if (word.length() > 0) words.add(word.toString().toLowerCase(Locale.ROOT));
        return words;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isQuote(int c) {
        return c == '"' || c == '“' || c == '”' || c == '„';
    }
}
