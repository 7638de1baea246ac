package org.billingcenter.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What would otherwise differ between two renders of the same document: the creation and
 * modification dates (the info dictionary and the XMP, which PDF/A requires to agree) become the
 * document's own moment, and the trailer {@code /ID} is derived from the document's id and number
 * instead of the clock. So a re-render on any node gives the same bytes.
 */
final class PdfStamp {

  private PdfStamp() {}

  static void apply(PDDocument pdf, Instant moment, String identity) throws IOException {
    Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    at.setTimeInMillis(moment.toEpochMilli());
    PDDocumentInformation info = pdf.getDocumentInformation();
    info.setCreationDate(at);
    info.setModificationDate(at);
    PDMetadata stored = pdf.getDocumentCatalog().getMetadata();
    if (stored != null) {
      XMPMetadata xmp = parse(stored);
      XMPBasicSchema basic = xmp.getXMPBasicSchema() != null ? xmp.getXMPBasicSchema() : xmp.createAndAddXMPBasicSchema();
      basic.setCreateDate(at);
      basic.setModifyDate(at);
      basic.setMetadataDate(at);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        new XmpSerializer().serialize(xmp, out, true);
      } catch (javax.xml.transform.TransformerException e) {
        throw new IOException("Cannot write the XMP metadata", e);
      }
      PDMetadata fixed = new PDMetadata(pdf, new ByteArrayInputStream(out.toByteArray()));
      pdf.getDocumentCatalog().setMetadata(fixed);
    }
    byte[] id = Arrays.copyOf(sha256(identity), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static XMPMetadata parse(PDMetadata stored) throws IOException {
    try {
      return new DomXmpParser().parse(stored.toByteArray());
    } catch (XmpParsingException e) {
      throw new IOException("The renderer wrote XMP metadata PDFBox cannot read", e);
    }
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
