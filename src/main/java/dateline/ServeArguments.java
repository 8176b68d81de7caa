package dateline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code serve} command line that holds nothing but options of {@link CommandOption#SITE} and
 * {@link CommandOption#SERVE}, each given once, without picocli (whose classes cost a server's start about a quarter
 * of a second of processor time; see {@link CommandOption}). Any other line, such as one asking for help or the
 * version, naming an unknown option, giving one twice or leaving a value out, it leaves to picocli, which answers
 * it as it always has: with the same help, the same message and the same exit status. So this reader never refuses
 * anything; it only says which lines it read alone, and it reads those as picocli would (a test holds the two to
 * that).
 */
final class ServeArguments {
    private static final Map<String, CommandOption> OPTIONS = new HashMap<>();

    static {
        CommandOption.SITE.forEach(option -> OPTIONS.put(option.name(), option));
        CommandOption.SERVE.forEach(option -> OPTIONS.put(option.name(), option));
    }

    private ServeArguments() {}

    /**
     * The options given to {@code serve}, keyed like {@link Settings#resolve}'s flags, when the arguments are
     * {@code serve} and plain options only: {@code --name value} or {@code --name=value} for an option that takes a
     * value (a separate value may not begin with a dash), {@code --name}, {@code --name=true} or
     * {@code --name=false} for a switch. Empty for any other arguments, which picocli reads instead.
     */
    static Optional<Map<String, String>> read(String... args) {
        if (args.length == 0 || !args[0].equals("serve")) return Optional.empty();
        Map<String, String> flags = new HashMap<>();
        Set<String> given = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            CommandOption option = OPTIONS.get(equals < 0 ? arg : arg.substring(0, equals));
            if (option == null || !given.add(option.name())) return Optional.empty();
            String attached = equals < 0 ? null : arg.substring(equals + 1);
            if (option.kind() == CommandOption.Kind.SWITCH) {
                if (attached == null || attached.equals("true")) {
                    flags.put(option.key(), "true");
                } else if (!attached.equals("false")) {
                    return Optional.empty(); // picocli says what a switch takes
                } // a switch turned off is as if not given: the environment or the settings file may still turn it on
            } else if (attached != null) {
                flags.put(option.key(), attached);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                flags.put(option.key(), args[++i]);
            } else {
                return Optional.empty(); // a missing value, or one picocli might take for an option
            }
        }
        return Optional.of(flags);
    }
}
