package dateline.web;

/**
 * What a service says when the person asking may not do what they asked. The web layer answers it with
 * 403 and a page saying so. It knows nothing of HTTP.
 */
public final class NotAllowed extends RuntimeException {
    public NotAllowed(String message) {
        super(message);
    }
}
