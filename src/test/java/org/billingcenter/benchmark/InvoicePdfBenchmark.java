package org.billingcenter.benchmark;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billingprofile.BillingProfile;
import org.billingcenter.document.InvoicePdf;
import org.billingcenter.document.SampleDocuments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 16: one uncached render of a 50-line invoice to PDF/A-3b (template, layout, font subsets,
 * deterministic stamp), warm, in English and in Traditional Chinese (bin/benchmark-pdf). The
 * fonts' bytes are read and parsed before the measurement, as in the service after its first PDF.
 * The setup prints each PDF's size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InvoicePdfBenchmark {

  @Param({"en", "zh-TW"})
  public String language;

  InvoicePdf renderer;
  InvoiceDocument invoice;
  BillingProfile buyer;

  @Setup
  public void setUp() {
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    renderer = SampleDocuments.renderer();
    invoice = SampleDocuments.invoice(50);
    buyer = SampleDocuments.buyer(Locale.forLanguageTag(language), "IE");
    byte[] pdf = renderer.render(invoice, buyer);
    System.out.printf("%n50-line invoice PDF, %s: %.1f KB%n", language, pdf.length / 1024.0);
  }

  /**
   * CPU time of the measuring thread per render, printed after each iteration: on a shared machine
   * the wall time above counts the waits for a core, this does not.
   */
  @State(Scope.Thread)
  public static class Cpu {
    final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long startNanos;
    long renders;

    @Setup(org.openjdk.jmh.annotations.Level.Iteration)
    public void start() {
      startNanos = threads.getCurrentThreadCpuTime();
      renders = 0;
    }

    @org.openjdk.jmh.annotations.TearDown(org.openjdk.jmh.annotations.Level.Iteration)
    public void report() {
      System.out.printf(" [cpu %.1f ms/op]", (threads.getCurrentThreadCpuTime() - startNanos) / 1e6 / Math.max(1, renders));
    }
  }

  @Benchmark
  public byte[] render50Lines(Cpu cpu) {
    cpu.renders++;
    return renderer.render(invoice, buyer);
  }
}
