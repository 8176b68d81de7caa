package dateline.markup;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Readable URL parts made from titles and names: lower case, words joined by hyphens, Latin accents
 * dropped ("Zürich" → "zurich"), other scripts kept as they are, at most {@value #MAX_LENGTH} characters
 * cut at a word boundary.
 */
public final class Slugs {
    public static final int MAX_LENGTH = 80;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern VALID = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}]+(?:-[\\p{Ll}\\p{Lo}\\p{N}]+)*");
    private static final Map<String, String> LETTERS = Map.of(
            "ß", "ss", "æ", "ae", "ø", "o", "œ", "oe", "ł", "l", "đ", "d", "þ", "th", "ı", "i", "&", " and ");

    private Slugs() {}

    public static String of(String title) {
        String text = title == null ? "" : title.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> letter : LETTERS.entrySet()) {
            text = text.replace(letter.getKey(), letter.getValue());
        }
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        text = SEPARATORS.matcher(text).replaceAll("-");
        text = trimHyphens(text);
        if (text.length() > MAX_LENGTH) {
            int cut = text.lastIndexOf('-', MAX_LENGTH);
            text = trimHyphens(text.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH));
        }
        return text;
    }

    /** True when the text is already a slug as {@link #of} would make it. */
    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') start++;
        while (end > start && text.charAt(end - 1) == '-') end--;
        return text.substring(start, end);
    }
}
