package org.billingcenter.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fonts every document embeds (PDF/A allows no other), shipped in the jar under {@code fonts/}
 * so a PDF prints the same on any machine: DejaVu Sans for Latin and Cyrillic (Bulgarian), then
 * Droid Sans Fallback for Chinese (both scripts). openhtmltopdf needs TrueType outlines; Debian's
 * Noto CJK is a CFF collection it cannot embed. The bytes are read once: a render only parses and
 * subsets them (only the glyphs used go into the file).
 */
final class PdfFonts {

  /** The CSS font-family chain of the template: each glyph from the first font that has it. */
  static final String FAMILY_CHAIN = "'DejaVu Sans', 'Droid Sans Fallback'";

  private record Face(String family, int weight, byte[] bytes) {}

  private static final List<Face> FACES = List.of(
      new Face("DejaVu Sans", 400, read("fonts/DejaVuSans.ttf")),
      new Face("DejaVu Sans", 700, read("fonts/DejaVuSans-Bold.ttf")),
      new Face("Droid Sans Fallback", 400, read("fonts/DroidSansFallbackFull.ttf")));

  private PdfFonts() {}

  static void register(PdfRendererBuilder builder) {
    for (Face face : FACES) {
      builder.useFont(() -> new ByteArrayInputStream(face.bytes()), face.family(), face.weight(), FontStyle.NORMAL, true);
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
