package dateline.testing;

import dateline.App;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs one of the jar's commands in the test's JVM, as an operator types it, and keeps what it prints. */
public final class Commands {
    /** How a command ended: its exit status and everything it printed, to each stream. */
    public record Run(int code, String out, String err) {}

    private Commands() {}

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = App.commandLine(args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The command with {@code stdin} as what the operator types into it. */
    public static Run runReading(String stdin, String... args) {
        InputStream originalIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            return run(args);
        } finally {
            System.setIn(originalIn);
        }
    }
}
