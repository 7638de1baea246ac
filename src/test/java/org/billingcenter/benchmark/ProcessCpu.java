package org.billingcenter.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * CPU time (user + system, from {@code /proc/<pid>/stat}) of a set of processes over a phase. A
 * sampler thread re-reads them every 100 ms, so processes that start and end inside the phase
 * (pgbench's backends) count up to their last sample.
 */
final class ProcessCpu implements AutoCloseable {

  private static final double MILLIS_PER_TICK = 10.0; // USER_HZ = 100

  private final LongPredicate selected;
  private final Map<Long, Long> atStart = new HashMap<>();
  private final Map<Long, Long> latest = new HashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private ProcessCpu(LongPredicate selected) {
    this.selected = selected;
    atStart.putAll(read());
    latest.putAll(atStart);
    sampler = new Thread(() -> {
      while (running) {
        Map<Long, Long> now = read();
        synchronized (latest) {
          latest.putAll(now);
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "cpu-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The one process {@code pid}. */
  static ProcessCpu of(long pid) {
    return new ProcessCpu(p -> p == pid);
  }

  /** PostgreSQL's backends serving {@code database} (their command line names it). */
  static ProcessCpu backendsOf(String database) {
    return new ProcessCpu(pid -> {
      try {
        String cmd = Files.readString(Path.of("/proc/" + pid + "/cmdline"));
        return cmd.startsWith("postgres: ") && cmd.contains(" " + database + " ");
      } catch (IOException e) {
        return false;
      }
    });
  }

  /**
   * Milliseconds of CPU the JIT compiler threads of JVM {@code pid} have used so far (their thread
   * names, cut to 15 characters by Linux, start with {@code C1 CompilerThre} or {@code C2 CompilerThre}).
   */
  static double compilerMillis(long pid) {
    long ticks = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        try {
          if (Files.readString(task.resolve("comm")).strip().matches("C[12] CompilerThre.*")) {
            String stat = Files.readString(task.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (IOException gone) {
          // a compiler thread that ended
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("no /proc for the service", e);
    }
    return ticks * MILLIS_PER_TICK;
  }

  /** Milliseconds of CPU since this was started. */
  double stop() {
    running = false;
    sampler.interrupt();
    Map<Long, Long> last = read();
    synchronized (latest) {
      latest.putAll(last);
      long ticks = 0;
      for (Map.Entry<Long, Long> e : latest.entrySet()) {
        ticks += e.getValue() - atStart.getOrDefault(e.getKey(), 0L);
      }
      return ticks * MILLIS_PER_TICK;
    }
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }

  private Map<Long, Long> read() {
    Map<Long, Long> ticks = new HashMap<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        long pid = Long.parseLong(dir.getFileName().toString());
        if (!selected.test(pid)) {
          continue;
        }
        try {
          String stat = Files.readString(dir.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException gone) {
          // the process ended between the listing and the read
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ticks;
  }
}
