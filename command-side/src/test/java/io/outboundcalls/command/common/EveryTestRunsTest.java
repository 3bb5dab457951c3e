package io.outboundcalls.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Surefire runs only classes named by its default includes ({@code Test*}, {@code *Test},
 * {@code *Tests}, {@code *TestCase}); a class with test methods named otherwise compiles and is
 * silently never run. This walks the test sources of every module of the build (this module's
 * parent directory) so the whole build fails instead.
 */
class EveryTestRunsTest {

    private static final Pattern SUREFIRE_DEFAULT_INCLUDES = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");
    /** JUnit Jupiter's annotations that make a method a test, and those of engines not in this build. */
    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property|Example)\\b");

    @Test
    void everyClassWithTestsIsNamedForSurefire() throws IOException {
        List<Path> modules = testSourceRoots();
        assertThat(modules).extracting(root -> root.getParent().getParent().getParent().getFileName().toString())
                .contains("command-side", "webhooks", "app");
        List<String> unnamed = modules.stream().flatMap(EveryTestRunsTest::javaFiles)
                .filter(EveryTestRunsTest::declaresTests)
                .filter(file -> !SUREFIRE_DEFAULT_INCLUDES.matcher(className(file)).matches())
                .map(Path::toString)
                .toList();
        assertThat(unnamed).as("test classes Surefire would skip (rename them *Test)").isEmpty();
    }

    @Test
    void theNamingRuleIsSurefiresDefault() {
        assertThat(List.of("CallTest", "TestIds", "ApiKeysTests", "ImportTestCase"))
                .allMatch(name -> SUREFIRE_DEFAULT_INCLUDES.matcher(name).matches());
        assertThat(List.of("CallingWindowProperties", "WebhookBenchmark", "CallTestSupport"))
                .noneMatch(name -> SUREFIRE_DEFAULT_INCLUDES.matcher(name).matches());
        assertThat(TEST_ANNOTATION.matcher("    @Test\n    void x() {}").find()).isTrue();
        assertThat(TEST_ANNOTATION.matcher("@TestConfiguration class X {}").find()).isFalse();
    }

    private static List<Path> testSourceRoots() throws IOException {
        Path build = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> children = Files.list(build)) {
            return children.map(module -> module.resolve("src/test/java")).filter(Files::isDirectory).sorted().toList();
        }
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean declaresTests(Path file) {
        try {
            return TEST_ANNOTATION.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }
}
