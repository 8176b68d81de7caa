package dateline.imports;

/**
 * An export that cannot be imported, with a message a person can act on: what is wrong, in which item, on
 * which line of the file (0 when the problem is not tied to a line).
 */
public final class WxrException extends RuntimeException {
    private final int line;

    public WxrException(int line, String message) {
        super(line > 0 ? "Line " + line + ": " + message : message);
        this.line = line;
    }

    public WxrException(int line, String message, Throwable cause) {
        super(line > 0 ? "Line " + line + ": " + message : message, cause);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
