package dateline.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The harnesses' few options, as {@code --name value} pairs; an unknown or incomplete one stops the run. */
final class Options {
    private Options() {}

    static Map<String, String> parse(String[] args, String... known) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of(known).contains(args[i]) || i + 1 == args.length) {
                throw new IllegalArgumentException("Options: " + String.join(" ", known) + " (each followed by a value); not "
                        + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) throw new IllegalArgumentException(name + " is needed");
        return value;
    }

    static int number(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not " + value);
        }
    }
}
