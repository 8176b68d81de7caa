package dateline.markup;

/** Short plain-text summaries: whole words, at most a given length, with an ellipsis when cut. */
public final class Excerpts {
    private Excerpts() {}

    public static String of(String plainText, int maxLength) {
        String text = plainText == null ? "" : plainText.strip().replaceAll("\\s+", " ");
        if (text.length() <= maxLength) return text;
        int cut = text.lastIndexOf(' ', maxLength - 1);
        if (cut < maxLength / 2) cut = maxLength - 1;
        return text.substring(0, cut).replaceAll("[\\s,;:.\\-–—]+$", "") + "…";
    }
}
