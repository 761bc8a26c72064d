package io.contractflow.workflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle benchmark's small mode, as CI runs it: the same three parts and the same columns on
 * a few contracts, on the machine's PostgreSQL when the build has one. It checks that every part
 * completed and that the mass expiry took the real path for every contract; it asserts no speed.
 */
@Tag("own-platform")
class LifecycleBenchmarkIT {

  @Test
  void theSmallRunCompletesEveryPartAndExpiresEveryContractTheRealWay() throws Exception {
    Path json = Files.createTempFile("lifecycle-benchmark-", ".json");
    LifecycleBenchmark.Options options =
        LifecycleBenchmark.Options.parse(new String[] {"--small", "--json", json.toString()});

    assertThat(LifecycleBenchmark.run(options)).as("every part completed").isTrue();

    String report = Files.readString(json);
    assertThat(report).contains("\"ratioPlatformToBare\"").contains("\"massExpiry\"");
    assertThat(report).containsPattern("\"incidents\" ?: ?0[,\\s}]");
    assertThat(report).containsPattern("\"expiredEntriesInAuditTrail\" ?: ?300[,\\s}]");
  }
}
