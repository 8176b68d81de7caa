package dateline.web;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in a list ordered by time then id, for keyset paging: the next page starts just past it, so
 * the thousandth page costs what the first costs. In addresses it reads {@code 1718876280000-4521}.
 */
public record Cursor(Instant at, long id) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,15})-(\\d{1,18})");

    public String encode() {
        return at.toEpochMilli() + "-" + id;
    }

    /** Reads a cursor from an address; anything malformed reads as no cursor at all. */
    public static Optional<Cursor> parse(String text) {
        if (text == null) return Optional.empty();
        Matcher m = FORM.matcher(text);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new Cursor(Instant.ofEpochMilli(Long.parseLong(m.group(1))), Long.parseLong(m.group(2))));
    }
}
