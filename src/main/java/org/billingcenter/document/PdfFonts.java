package org.billingcenter.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts every document embeds (PDF/A allows no other), shipped in the jar under {@code fonts/}
 * so a PDF prints the same on any machine: DejaVu Sans for Latin and Cyrillic (Bulgarian), then
 * Droid Sans Fallback for Chinese (both scripts). openhtmltopdf needs TrueType outlines; Debian's
 * Noto CJK is a CFF collection it cannot embed. Only the glyphs used go into a file (subsets).
 *
 * <p>Reading and parsing the fonts (4 MB for the CJK one) would cost more than the rest of a render,
 * so the bytes are read once and parsed fonts are reused: a parsed font reads its tables lazily and
 * is not thread-safe, hence a pool of parsed sets, one per render in flight (it grows to the number
 * of parallel renders and stays there).
 */
final class PdfFonts {

  /** The CSS font-family chain of the template: each glyph from the first font that has it. */
  static final String FAMILY_CHAIN = "'DejaVu Sans', 'Droid Sans Fallback'";

  private static final byte[] REGULAR = read("fonts/DejaVuSans.ttf");
  private static final byte[] BOLD = read("fonts/DejaVuSans-Bold.ttf");
  private static final byte[] CJK = read("fonts/DroidSansFallbackFull.ttf");

  private static final ConcurrentLinkedQueue<Faces> IDLE = new ConcurrentLinkedQueue<>();

  /** One render's parsed fonts. */
  record Faces(TrueTypeFont regular, TrueTypeFont bold, TrueTypeFont cjk) {}

  private PdfFonts() {}

  static Faces borrow() {
    Faces idle = IDLE.poll();
    return idle != null ? idle : new Faces(parse(REGULAR), parse(BOLD), parse(CJK));
  }

  static void giveBack(Faces faces) {
    IDLE.offer(faces);
  }

  /** Each face as a subset font of {@code pdf} (the parsed font stays open: the pool owns it). */
  static void register(PdfRendererBuilder builder, PDDocument pdf, Faces faces) {
    builder.useFont(supplier(pdf, faces.regular()), "DejaVu Sans", 400, FontStyle.NORMAL, true);
    builder.useFont(supplier(pdf, faces.bold()), "DejaVu Sans", 700, FontStyle.NORMAL, true);
    builder.useFont(supplier(pdf, faces.cjk()), "Droid Sans Fallback", 400, FontStyle.NORMAL, true);
  }

  private static PDFontSupplier supplier(PDDocument pdf, TrueTypeFont font) {
    try {
      return new PDFontSupplier(PDType0Font.load(pdf, font, true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TrueTypeFont parse(byte[] ttf) {
    try {
      return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
    } catch (IOException e) {
      throw new UncheckedIOException("A shipped font cannot be read", e);
    }
  }

  static byte[] read(String resource) {
    try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
