package io.contractflow.workflow.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the CPU of a measured stretch went (Linux): this JVM (the platform, its embedded search
 * node, the benchmark's own clients and mail server), the PostgreSQL backends serving one database
 * (by their process title), and the whole machine (from {@code /proc/stat}, so that other work on
 * the machine shows). Per unit of work, a figure that other load on the machine disturbs far less
 * than throughput does. PostgreSQL's shared background processes (WAL writer, checkpointer) are not
 * counted; backends that exit during the stretch lose what they used.
 */
record ProcessCpu(long jvmNanos, long databaseNanos, long machineBusyTicks, long machineTicks) {

  private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

  /** The CPU used so far by this JVM, by the backends of {@code database}, and by the machine. */
  static ProcessCpu snapshot(String database) {
    long jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    long[] machine = readMachineTicks();
    return new ProcessCpu(jvm, backendTicks(database) * TICK_NANOS, machine[0], machine[1]);
  }

  /** What was used between {@code before} and this snapshot. */
  ProcessCpu since(ProcessCpu before) {
    return new ProcessCpu(
        jvmNanos - before.jvmNanos,
        databaseNanos - before.databaseNanos,
        machineBusyTicks - before.machineBusyTicks,
        machineTicks - before.machineTicks);
  }

  /** Milliseconds of CPU per unit (JVM, PostgreSQL) and the machine's busy share. */
  Map<String, Object> per(long units) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("jvmCpuMs", Throughput.round(jvmNanos / 1e6 / Math.max(1, units)));
    map.put("postgresCpuMs", Throughput.round(databaseNanos / 1e6 / Math.max(1, units)));
    map.put("machineBusyPercent", Throughput.round(busyPercent()));
    return map;
  }

  double busyPercent() {
    return machineTicks == 0 ? 0 : 100.0 * machineBusyTicks / machineTicks;
  }

  /** One line for the report: CPU per unit and the machine's busy share meanwhile. */
  String describe(long units, String unit) {
    return String.format(
        "CPU per %s: JVM %.1f ms, PostgreSQL %.1f ms; machine busy %.0f %% of %d cores meanwhile",
        unit,
        jvmNanos / 1e6 / Math.max(1, units),
        databaseNanos / 1e6 / Math.max(1, units),
        busyPercent(),
        Runtime.getRuntime().availableProcessors());
  }

  private static long[] readMachineTicks() {
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < cpu.length; i++) {
        total += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle + iowait
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** utime + stime of the processes whose title names this database ("postgres: user db ..."). */
  private static long backendTicks(String database) {
    long ticks = 0;
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String title =
              new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
          if (!title.startsWith("postgres:") || !title.contains(" " + database + " ")) {
            continue;
          }
          String stat = Files.readString(process.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks;
  }
}
