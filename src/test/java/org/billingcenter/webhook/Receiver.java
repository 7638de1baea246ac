package org.billingcenter.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP receiver on loopback for webhook tests: /ok takes everything, /flaky fails its first
 * three calls, /down always fails, /redirect answers 302 to /ok, /big answers 50 MB.
 */
final class Receiver implements AutoCloseable {

  /** One request as the receiver got it. */
  record Received(String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  static final long BIG = 50L * 1024 * 1024;

  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger flakyCalls = new AtomicInteger();
  final AtomicLong bigWritten = new AtomicLong();
  private final HttpServer server;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ok", x -> answer(x, 204, ""));
    server.createContext("/flaky", x -> answer(x, flakyCalls.incrementAndGet() <= 3 ? 500 : 200, "thanks"));
    server.createContext("/down", x -> answer(x, 503, "down for maintenance"));
    server.createContext("/redirect", x -> {
      record(x);
      x.getResponseHeaders().add("Location", url("/ok"));
      x.sendResponseHeaders(302, -1);
      x.close();
    });
    server.createContext("/big", this::big);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  List<Received> at(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void record(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(new Received(x.getRequestURI().getPath(), Map.copyOf(x.getRequestHeaders()), body));
  }

  private void answer(HttpExchange x, int status, String text) throws IOException {
    record(x);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(bytes);
      }
    }
    x.close();
  }

  private void big(HttpExchange x) throws IOException {
    record(x);
    x.sendResponseHeaders(200, BIG);
    byte[] chunk = "0123456789abcdef".repeat(512).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = x.getResponseBody()) {
      for (long sent = 0; sent < BIG; sent += chunk.length) {
        out.write(chunk);
        bigWritten.addAndGet(chunk.length);
      }
    } catch (IOException stopped) {
      // The client stopped reading: what we want to see.
    } finally {
      x.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
