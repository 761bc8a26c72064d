package io.contractflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every launch path starts the JVM alike: the image, {@code ./mvnw spring-boot:run} and the API
 * benchmark pass the same flags file and set the same malloc arenas (docs/operations.md, "Memory
 * and start-up time"), so what the benchmark measures is what an operator runs.
 */
class LaunchDefaultsTest {

  private static final Path FLAGS = Path.of("src", "main", "jvm", "jvm.options");

  @Test
  void theImageStartsTheJvmWithTheFlagsFileAndTwoMallocArenas() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));

    assertThat(dockerfile)
        .contains("COPY --from=build /build/" + unix(FLAGS) + " ./jvm.options")
        .contains("exec java @/app/jvm.options ")
        .contains("MALLOC_ARENA_MAX=2");
  }

  @Test
  void springBootRunStartsTheJvmAsTheImageDoes() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));

    assertThat(pom)
        .contains("<jvmArguments>@${project.basedir}/" + unix(FLAGS) + "</jvmArguments>")
        .contains("<MALLOC_ARENA_MAX>2</MALLOC_ARENA_MAX>");
  }

  @Test
  void theApiBenchmarkStartsThePlatformAsTheLaunchPathsDo() throws IOException {
    String benchmark = Files.readString(Path.of("bench", "ApiBenchmark.java"));

    assertThat(benchmark)
        .contains("Paths.get(\"" + unix(FLAGS) + "\")")
        .contains("Map.of(\"MALLOC_ARENA_MAX\", \"2\")");
  }

  @Test
  void theFlagsFileLeavesTheHeapSizeToEachPath() throws IOException {
    // the image sizes the heap from the container's memory limit, elsewhere -Xmx is given
    assertThat(Files.readAllLines(FLAGS))
        .filteredOn(line -> !line.startsWith("#"))
        .noneMatch(line -> line.contains("-Xmx") || line.contains("-Xms"))
        .noneMatch(line -> line.contains("RAMPercentage"));
  }

  private static String unix(Path path) {
    return path.toString().replace('\\', '/');
  }
}
