package org.billingcenter.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** pgbench running the statements the provisioning sequence's four steps execute. */
final class ProvisioningBaseline {

  record Result(double perSecond, double latencyMs, int sequences, double postgresCpuMs) {}

  private ProvisioningBaseline() {}

  /** {@code benchmark/provisioning.sql} without its comments, as a file for pgbench. */
  static Path writeScript() throws Exception {
    String sql;
    try (var in = ProvisioningBaseline.class.getResourceAsStream("/benchmark/provisioning.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file = Files.createTempFile("provisioning", ".sql");
    Files.writeString(file, sql.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n", "", "\n")));
    return file;
  }

  static Result run(Path script, int clients, int seconds) throws Exception {
    ProcessCpu postgres = ProcessCpu.backendsOf(ProvisioningBenchmark.DATABASE);
    Process p = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-n", "-M", "prepared", "-c", String.valueOf(clients),
            "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(seconds), "-f", script.toString(),
            ProvisioningBenchmark.DATABASE)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    double cpu = postgres.stop();
    try {
      double tps = Double.parseDouble(out.replaceAll("(?s).*tps = ([0-9.]+).*", "$1"));
      double latency = Double.parseDouble(out.replaceAll("(?s).*latency average = ([0-9.]+) ms.*", "$1"));
      int processed = Integer.parseInt(out.replaceAll("(?s).*number of transactions actually processed: ([0-9]+).*", "$1"));
      return new Result(tps, latency, processed, cpu);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("pgbench: " + out, e);
    }
  }
}
