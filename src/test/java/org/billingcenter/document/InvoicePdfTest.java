package org.billingcenter.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The renderer alone (no database): text in the chosen language, fonts embedded, same bytes twice. */
class InvoicePdfTest {

  static final InvoicePdf RENDERER = SampleDocuments.renderer();

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void a_zh_TW_invoice_prints_chinese_and_the_same_bytes_every_time() throws IOException {
    byte[] first = RENDERER.render(SampleDocuments.invoice(3), SampleDocuments.buyer(Locale.TAIWAN, "TW"));
    byte[] second = RENDERER.render(SampleDocuments.invoice(3), SampleDocuments.buyer(Locale.TAIWAN, "TW"));
    assertThat(second).isEqualTo(first);
    String text = text(first);
    assertThat(text).contains("發票", "INV-2026-000123", "Beacon Workspace", "台灣", "應付金額");
  }

  /**
   * Page 1 of the English and the Traditional Chinese sample invoice at 150 dpi, into
   * target/screenshots (docs/screenshots keeps a copy: invoice-pdf-en.png, invoice-pdf-zh-TW.png).
   */
  @Test
  void page_one_renders_to_an_image_in_english_and_traditional_chinese() throws IOException {
    java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
    for (String tag : new String[] {"en", "zh-TW"}) {
      Locale language = Locale.forLanguageTag(tag);
      byte[] pdf = RENDERER.render(SampleDocuments.invoice(6), SampleDocuments.buyer(language, "IE"));
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        java.awt.image.BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 150);
        assertThat(page.getWidth()).as("A4 at 150 dpi").isBetween(1230, 1250);
        javax.imageio.ImageIO.write(page, "png", dir.resolve("invoice-pdf-" + tag + ".png").toFile());
      }
    }
  }

  @Test
  void an_english_invoice_names_the_seller_the_buyer_and_every_line() throws IOException {
    String text = text(RENDERER.render(SampleDocuments.invoice(50), SampleDocuments.buyer(Locale.forLanguageTag("en"), "IE")));
    assertThat(text).contains("Invoice", "INV-2026-000123", "Billing Center Demo Operator Ltd", "Alder Studio Ltd",
        "12 Harbour Road", "D02 X285 Dublin", "Ireland", "PO-7781", "50 × €12.50", "€625.00", "Amount due");
  }
}
