package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How {@code serve} reads its command line without picocli, and that it reads it as picocli would. */
class ServeArgumentsTest {
    private static final List<CommandOption> SERVE_OPTIONS =
            Stream.concat(CommandOption.SITE.stream(), CommandOption.SERVE.stream()).toList();

    private static Map<String, String> read(String... args) {
        Optional<Map<String, String>> flags = ServeArguments.read(args);
        assertThat(flags).as("read without picocli: %s", List.of(args)).isPresent();
        assertThat(flags.get()).as("as picocli reads %s", List.of(args)).isEqualTo(picocli(args));
        return flags.get();
    }

    /** The flags picocli's serve command is given for these arguments, the switches turned off left out. */
    private static Map<String, String> picocli(String... args) {
        CommandLine line = App.commandLine(args);
        line.parseArgs(args);
        Map<String, String> flags = new HashMap<>(((App.Serve) line.getSubcommands().get("serve").getCommand()).flags());
        flags.values().removeIf(value -> value == null);
        return flags;
    }

    private static List<CommandOption> values() {
        return SERVE_OPTIONS.stream().filter(option -> option.kind() == CommandOption.Kind.VALUE).toList();
    }

    private static List<CommandOption> switches() {
        return SERVE_OPTIONS.stream().filter(option -> option.kind() == CommandOption.Kind.SWITCH).toList();
    }

    @Nested
    class Reads {
        @Test
        void each_option_with_its_value_after_it() {
            for (CommandOption option : values()) {
                assertThat(read("serve", option.name(), "some-value")).containsExactly(Map.entry(option.key(), "some-value"));
            }
        }

        @Test
        void each_option_with_its_value_after_an_equals_sign() {
            for (CommandOption option : values()) {
                assertThat(read("serve", option.name() + "=a=b")).containsExactly(Map.entry(option.key(), "a=b"));
            }
        }

        @Test
        void each_switch_alone_or_set_to_true_and_one_set_to_false_as_if_not_given() {
            for (CommandOption option : switches()) {
                assertThat(read("serve", option.name())).containsExactly(Map.entry(option.key(), "true"));
                assertThat(read("serve", option.name() + "=true")).containsExactly(Map.entry(option.key(), "true"));
                assertThat(read("serve", option.name() + "=false")).isEmpty();
            }
        }

        @Test
        void every_option_at_once_in_any_order() {
            List<String> args = new ArrayList<>(List.of("serve"));
            List<CommandOption> backwards = new ArrayList<>(SERVE_OPTIONS);
            Collections.reverse(backwards);
            for (CommandOption option : backwards) {
                args.add(option.name());
                if (option.kind() == CommandOption.Kind.VALUE) args.add("value of " + option.key());
            }
            Map<String, String> flags = read(args.toArray(String[]::new));
            assertThat(flags).hasSize(SERVE_OPTIONS.size()).containsEntry("port", "value of port")
                    .containsEntry("dev", "true");
        }

        @Test
        void nothing_but_the_command_as_no_options() {
            assertThat(read("serve")).isEmpty();
        }

        @Test
        void an_empty_value_after_an_equals_sign_as_picocli_does() {
            assertThat(read("serve", "--port=")).containsExactly(Map.entry("port", ""));
        }
    }

    @Nested
    class Leaves_to_picocli {
        @Test
        void other_commands_and_none() {
            assertThat(ServeArguments.read()).isEmpty();
            assertThat(ServeArguments.read("demo", "--data", "x")).isEmpty();
            assertThat(ServeArguments.read("--port", "8080")).isEmpty();
        }

        @Test
        void the_help_and_the_version() {
            for (String asked : List.of("--help", "-h", "--version", "-V")) {
                assertThat(ServeArguments.read("serve", "--port", "8080", asked)).as(asked).isEmpty();
            }
        }

        @Test
        void an_unknown_option_an_abbreviated_one_or_one_in_capitals() {
            assertThat(ServeArguments.read("serve", "--bogus")).isEmpty();
            assertThat(ServeArguments.read("serve", "--por", "8080")).isEmpty();
            assertThat(ServeArguments.read("serve", "--PORT", "8080")).isEmpty();
            assertThat(ServeArguments.read("serve", "-p", "8080")).isEmpty();
        }

        @Test
        void a_missing_value_or_one_that_looks_like_an_option() {
            assertThat(ServeArguments.read("serve", "--port")).isEmpty();
            assertThat(ServeArguments.read("serve", "--data", "--port", "8080")).isEmpty();
            assertThat(ServeArguments.read("serve", "--host", "-x")).isEmpty();
        }

        @Test
        void an_option_given_twice() {
            assertThat(ServeArguments.read("serve", "--port", "1", "--port=2")).isEmpty();
            assertThat(ServeArguments.read("serve", "--dev", "--dev")).isEmpty();
        }

        @Test
        void a_switch_given_anything_but_true_or_false() {
            assertThat(ServeArguments.read("serve", "--dev=yes")).isEmpty();
            assertThat(ServeArguments.read("serve", "--dev=TRUE")).isEmpty();
        }

        @Test
        void an_argument_that_is_not_an_option_and_the_end_of_options() {
            assertThat(ServeArguments.read("serve", "extra")).isEmpty();
            assertThat(ServeArguments.read("serve", "--port", "8080", "--")).isEmpty();
        }
    }

    @Test
    void picocli_lists_in_the_help_and_reads_exactly_the_options_declared_for_serve() {
        CommandLine serve = App.commandLine("serve").getSubcommands().get("serve");
        Map<String, String> listed = serve.getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .collect(Collectors.toMap(CommandLine.Model.OptionSpec::longestName,
                        option -> option.description()[0]));
        assertThat(listed).isEqualTo(SERVE_OPTIONS.stream()
                .collect(Collectors.toMap(CommandOption::name, CommandOption::description)));
        String help = serve.getUsageMessage();
        SERVE_OPTIONS.forEach(option -> assertThat(help).contains(option.name()));
    }

    @Test
    void every_other_command_that_works_on_a_site_has_the_site_options() {
        CommandLine backup = App.commandLine("backup").getSubcommands().get("backup");
        for (CommandOption option : CommandOption.SITE) {
            assertThat(backup.getCommandSpec().findOption(option.name())).as(option.name()).isNotNull();
        }
        assertThat(backup.getCommandSpec().findOption("--port")).isNull();
    }

    /** The program itself, in a process of its own, ends a command line it cannot serve as picocli always has. */
    @Nested
    class The_program {
        record Ended(int code, String said) {}

        private Ended run(Path folder, String... args) throws IOException, InterruptedException {
            Path log = folder.resolve("said.log");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), App.class.getName()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running: " + command);
            }
            return new Ended(process.exitValue(), Files.readString(log));
        }

        @Test
        void refuses_an_unknown_option_with_picocli_s_message_and_the_help(@TempDir Path folder) throws Exception {
            Ended ended = run(folder, "serve", "--port", "8080", "--bogus");
            assertThat(ended.code()).isEqualTo(2);
            assertThat(ended.said()).startsWith("Unknown option: '--bogus'").contains("Usage: dateline serve");
        }

        @Test
        void refuses_an_option_without_its_value(@TempDir Path folder) throws Exception {
            Ended ended = run(folder, "serve", "--data", folder.toString(), "--port");
            assertThat(ended.code()).isEqualTo(2);
            assertThat(ended.said()).startsWith("Missing required parameter for option '--port' (<port>)");
        }

        @Test
        void says_what_is_wrong_with_a_port_that_is_not_one_in_one_line(@TempDir Path folder) throws Exception {
            Ended ended = run(folder, "serve", "--data", folder.resolve("site").toString(), "--port=eighty");
            assertThat(ended.code()).isEqualTo(1);
            assertThat(ended.said().strip()).isEqualTo("The port must be a number from 1 to 65535, not 'eighty'.");
            assertThat(folder.resolve("site")).doesNotExist();
        }
    }
}
