package org.billingcenter.document;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimingScratchTest {
  @Test
  void time() throws Exception {
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    InvoicePdf r = SampleDocuments.renderer();
    for (Locale l : new Locale[] {Locale.forLanguageTag("en"), Locale.TAIWAN}) {
      var doc = SampleDocuments.invoice(50);
      var buyer = SampleDocuments.buyer(l, "IE");
      byte[] pdf = null;
      for (int i = 0; i < 15; i++) {
        long t = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); long w = System.nanoTime();
        pdf = r.render(doc, buyer);
        System.out.println(l + " cpu " + (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - t) / 1_000_000 + " ms wall " + (System.nanoTime() - w) / 1_000_000 + " ms " + pdf.length / 1024 + " KB");
      }
      java.nio.file.Files.write(java.nio.file.Path.of("/tmp/inv-" + l + ".pdf"), pdf);
    }
  }
}
