package dateline.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a service says when input cannot be accepted: a message for each faulty field, in the order of
 * the form. Routes turn it into the same form again, answered with 422, the messages at their fields and
 * everything the person typed still in place. It knows nothing of HTTP.
 */
public final class InvalidInput extends RuntimeException {
    private final Map<String, String> problems;

    private InvalidInput(Map<String, String> problems) {
        super("Invalid input: " + problems.keySet());
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    /** The message for each faulty field, in form order. */
    public Map<String, String> problems() {
        return problems;
    }

    /** Collects problems field by field; {@link #throwIfAny()} ends the check. */
    public static Problems check() {
        return new Problems();
    }

    public static final class Problems {
        private final Map<String, String> found = new LinkedHashMap<>();

        /** Records the message for the field when the condition holds; a field keeps its first message. */
        public Problems when(boolean condition, String field, String message) {
            if (condition) found.putIfAbsent(field, message);
            return this;
        }

        /** {@link #when(boolean, String, String)} for a message worth making only when it is said. */
        public Problems when(boolean condition, String field, Supplier<String> message) {
            if (condition && !found.containsKey(field)) found.put(field, message.get());
            return this;
        }

        public boolean has(String field) {
            return found.containsKey(field);
        }

        /** The messages found so far, field by field. */
        public Map<String, String> found() {
            return Collections.unmodifiableMap(found);
        }

        public void throwIfAny() {
            if (!found.isEmpty()) throw new InvalidInput(found);
        }
    }
}
