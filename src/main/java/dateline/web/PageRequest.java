package dateline.web;

/**
 * Which page of a newest-first list a reader asked for: the first, the one just older than {@code before},
 * or the one just newer than {@code after}.
 */
public record PageRequest(Cursor before, Cursor after, int size) {
    public static PageRequest first(int size) {
        return new PageRequest(null, null, size);
    }

    public boolean isFirst() {
        return before == null && after == null;
    }
}
