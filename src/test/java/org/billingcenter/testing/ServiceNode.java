package org.billingcenter.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.billingcenter.BillingCenterApplication;

/**
 * The service in a JVM of its own on a port of its own, as a deployed node is: started from the
 * test class path, probed through its readiness endpoint, stopped gracefully or killed with
 * SIGKILL, and started again on the same port. Its output goes to {@code target/nodes/}.
 */
public final class ServiceNode implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();

  private final String name;
  private final int port;
  private final List<String> settings;
  private Process process;

  private ServiceNode(String name, int port, List<String> settings) {
    this.name = name;
    this.port = port;
    this.settings = settings;
  }

  /** Starts a node (web server, no demo data, no job scheduler unless a setting says so). */
  public static ServiceNode start(String name, List<String> settings) throws IOException {
    ServiceNode node = new ServiceNode(name, freePort(), settings);
    node.launch();
    return node;
  }

  /** A one-off command of the service (e.g. {@code --billing-center.run-once=DATE}) in its own JVM. */
  public static Process command(String name, List<String> settings) throws IOException {
    List<String> args = new ArrayList<>(settings);
    args.add("--spring.main.web-application-type=none");
    return launch(name, args);
  }

  /** How many tenants a finished run-once command billed for {@code day}, read from its log. */
  public static int tenantsBilled(String name, java.time.LocalDate day) throws IOException {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("Run once for " + day + ": RunResult\\[date=" + day + ", tenants=(\\d+)")
        .matcher(Files.readString(log(name)));
    int last = -1;
    while (m.find()) {
      last = Integer.parseInt(m.group(1));
    }
    if (last < 0) {
      throw new IllegalStateException("no billing result in " + log(name));
    }
    return last;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public String name() {
    return name;
  }

  /** Waits until the readiness probe says UP (the database answers, start-up is done). */
  public ServiceNode awaitReady(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log(name));
      }
      if (readiness() == 200) {
        return this;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(name + " not ready within " + limit + "; see " + log(name));
  }

  /** The readiness probe's status: 200 UP, 503 DOWN, -1 when nothing answers. */
  public int readiness() {
    try {
      HttpRequest probe = HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(8)).build();
      return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** SIGKILL: no shutdown hook, no graceful drain, no rollback courtesy. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Starts the node again, same port and settings, after {@link #kill()} or {@link #close()}. */
  public ServiceNode restart() throws IOException {
    launch();
    return this;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private void launch() throws IOException {
    List<String> args = new ArrayList<>(settings);
    args.add("--server.port=" + port);
    process = launch(name, args);
  }

  private static Process launch(String name, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Quick start-up over peak speed: these nodes live for seconds.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
        "-cp", System.getProperty("java.class.path"),
        BillingCenterApplication.class.getName(),
        "--billing-center.demo.seed=never",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN"));
    command.addAll(args);
    Path log = log(name);
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  /** Where a node's or a command's output goes (target/nodes/NAME.log). */
  public static Path log(String name) {
    return Path.of("target", "nodes", name + ".log").toAbsolutePath();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
