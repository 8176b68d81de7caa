package dateline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/dateline}, the way a user starts Dateline: what it adds to the JVM's options and the class-data
 * sharing archive it keeps. It runs a stand-in jar whose program prints what it was given, with the JDK running
 * these tests, so that what is checked is the script, not the server.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("bin", "dateline").toAbsolutePath();

    @TempDir
    Path folder;
    Path jar;

    @BeforeEach
    void writeTheStandInJar() throws IOException {
        jar = folder.resolve("dateline.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             InputStream probe = Probe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            probe.transferTo(out);
            out.closeEntry();
        }
    }

    @Nested
    class The_heap {
        @Test
        void is_bounded_for_a_server_and_left_to_the_jvm_for_the_other_commands() throws Exception {
            assertThat(launch(Map.of(), "serve", "--port", "8080").options())
                    .contains("-Xmx256m", "-XX:MaxNewSize=96m");
            assertThat(launch(Map.of(), "import", "wxr", "big.xml").options()).noneMatch(o -> o.startsWith("-Xmx"));
        }

        @Test
        void is_the_operators_when_they_chose_one() throws Exception {
            Ran ran = launch(Map.of("JAVA_OPTS", "-Xmx512m -XX:+ExitOnOutOfMemoryError"), "serve");
            assertThat(ran.options()).contains("-Xmx512m", "-XX:+ExitOnOutOfMemoryError")
                    .doesNotContain("-Xmx256m", "-XX:MaxNewSize=96m");
        }
    }

    @Nested
    class The_compiler {
        @Test
        void waits_for_code_that_keeps_running_unless_the_operator_tuned_it() throws Exception {
            assertThat(launch(Map.of(), "serve").options()).contains("-XX:CompileThresholdScaling=2");
            assertThat(launch(Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=1"), "serve").options())
                    .noneMatch(o -> o.startsWith("-XX:CompileThresholdScaling"));
        }
    }

    @Nested
    class The_class_archive {
        @Test
        void is_written_by_the_first_server_and_shared_by_every_later_start() throws Exception {
            assertThat(launch(Map.of(), "serve").said()).isEmpty();
            List<Path> archives = archives();
            assertThat(archives).hasSize(1);

            Ran later = launch(Map.of(), "users", "add");
            assertThat(later.options()).contains("-XX:SharedArchiveFile=" + archives.get(0));
            assertThat(later.vm()).as("the JVM maps the archive").contains("sharing");
        }

        @Test
        void is_written_again_for_a_new_jar_and_the_old_one_removed() throws Exception {
            launch(Map.of(), "serve");
            List<Path> before = archives();
            Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));

            launch(Map.of(), "serve");
            assertThat(archives()).hasSize(1).doesNotContainAnyElementsOf(before);
        }

        @Test
        void that_is_damaged_neither_stops_a_start_nor_troubles_its_output() throws Exception {
            launch(Map.of(), "serve");
            Path archive = archives().get(0);
            archive.toFile().setWritable(true);
            Files.writeString(archive, "not an archive");

            Ran ran = launch(Map.of(), "users", "add");
            assertThat(ran.arguments()).containsExactly("users", "add");
            assertThat(ran.said()).isEmpty();
        }

        @Test
        void is_left_alone_when_the_operator_chose_their_own() throws Exception {
            Path own = folder.resolve("own.jsa");
            Ran ran = launch(Map.of("JAVA_OPTS", "-XX:ArchiveClassesAtExit=" + own), "serve");
            assertThat(ran.options()).filteredOn(o -> o.contains("Archive")).containsExactly(
                    "-XX:ArchiveClassesAtExit=" + own);
            assertThat(archives()).isEmpty();
        }

        @Test
        void is_not_kept_when_turned_off() throws Exception {
            Ran ran = launch(Map.of("DATELINE_CLASS_ARCHIVE", "off"), "serve");
            assertThat(ran.options()).noneMatch(o -> o.contains("Archive"));
            assertThat(archives()).isEmpty();
        }
    }

    @Test
    void hands_every_argument_to_the_program_as_given() throws Exception {
        Ran ran = launch(Map.of(), "users", "add", "--name", "Ana María de la Cruz", "--email=a@example.org", "");
        assertThat(ran.arguments()).containsExactly("users", "add", "--name", "Ana María de la Cruz",
                "--email=a@example.org", "");
    }

    @Test
    void says_how_to_build_when_there_is_no_jar() throws Exception {
        Files.delete(jar);
        Ran ran = launch(Map.of(), "serve");
        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.said()).singleElement().asString().contains("mvn -q -DskipTests package");
    }

    /** The archives the launcher keeps beside the jar. */
    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("dateline-classes-")).toList();
        }
    }

    /** What the stand-in program printed: its JVM's options, its description of the JVM, its arguments. */
    record Ran(int exit, List<String> options, String vm, List<String> arguments, List<String> said) {}

    private Ran launch(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().keySet().removeAll(List.of("JAVA_OPTS", "JDK_JAVA_OPTIONS", "DATELINE_DATA"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("DATELINE_JAR", jar.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> options = new ArrayList<>();
        List<String> given = new ArrayList<>();
        List<String> said = new ArrayList<>(err.lines().toList());
        String vm = "";
        for (String line : out.lines().toList()) {
            if (line.startsWith("option ")) options.add(line.substring(7));
            else if (line.startsWith("argument ")) given.add(line.substring(9));
            else if (line.startsWith("vm ")) vm = line.substring(3);
            else said.add(line);
        }
        return new Ran(process.exitValue(), options, vm, given, said);
    }

    /** The stand-in program: prints one line per option of its JVM and per argument, and how its JVM runs. */
    public static final class Probe {
        public static void main(String[] args) {
            ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(o -> System.out.println("option " + o));
            System.out.println("vm " + System.getProperty("java.vm.info"));
            for (String arg : args) System.out.println("argument " + arg);
        }
    }
}
