package dateline.admin;

/** Ids as forms and addresses carry them: text that may be blank, or not a number at all when forged. */
final class Ids {
    private Ids() {}

    /** The id the text names, or null when it names none. */
    static Long of(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
