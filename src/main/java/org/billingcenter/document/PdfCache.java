package org.billingcenter.document;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.billingcenter.billing.InvoiceDocument;
import org.billingcenter.billingprofile.BillingProfile;

/**
 * Rendered PDFs in memory, least recently used first out, bounded by total bytes. The key is a
 * fingerprint of everything that goes into a PDF (the document with its status and lines, the
 * buyer's profile with its language, the issuer settings, the template version), so a changed
 * profile or status is a new key and renders anew; nothing ever needs invalidating. In memory and
 * per node because rendering is deterministic: any node rebuilds the same bytes after a restart.
 */
final class PdfCache {

  private final long maxBytes;
  private long bytes;
  private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);

  PdfCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  static String key(InvoiceDocument document, BillingProfile buyer, InvoiceIssuer issuer, String templateVersion) {
    String all = templateVersion + "\n" + document + "\n" + buyer + "\n" + issuer;
    return HexFormat.of().formatHex(PdfStamp.sha256(all));
  }

  /** The cached bytes for {@code key}, else {@code render}'s (outside the lock: renders run in parallel). */
  byte[] get(String key, Supplier<byte[]> render) {
    synchronized (this) {
      byte[] hit = entries.get(key);
      if (hit != null) {
        return hit;
      }
    }
    byte[] rendered = render.get();
    put(key, rendered);
    return rendered;
  }

  synchronized int size() {
    return entries.size();
  }

  private synchronized void put(String key, byte[] value) {
    if (value.length > maxBytes || entries.containsKey(key)) {
      return;
    }
    entries.put(key, value);
    bytes += value.length;
    var oldest = entries.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      Map.Entry<String, byte[]> evicted = oldest.next();
      bytes -= evicted.getValue().length;
      oldest.remove();
    }
  }
}
