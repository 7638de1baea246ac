package org.billingcenter.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.XmpSerializer;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Mustang's PDF/A-3 exporter with one change: every date it would take from the wall clock (the
 * embedded XML file's creation and modification dates, the PDF's creation and modification dates
 * and the XMP create date, which Mustang rewrites) is the document's own timestamp instead, so the
 * same invoice embeds to the same bytes whenever its PDF was rendered.
 */
class FacturXExporter extends ZUGFeRDExporterFromA3 {

  private final Calendar stamp;

  FacturXExporter(Calendar stamp) {
    this.stamp = stamp;
  }

  @Override
  protected void writeDocumentInformation() {
    super.writeDocumentInformation();
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setCreationDate(stamp);
    info.setModificationDate(stamp);
    // Mustang appends "(via mustangproject.org <version>)" here but not in the XMP: keep the two equal.
    info.setProducer(producer);
  }

  @Override
  protected void writeXMLBasicSchema(XMPMetadata xmp) {
    super.writeXMLBasicSchema(xmp);
    xmp.getXMPBasicSchema().setCreateDate(stamp);
  }

  /**
   * Mustang's own serialisation takes a TransformerFactory from the classpath, which is Saxon (a
   * Mustang dependency): a new Saxon configuration per invoice, about 60 ms. The JDK's built-in
   * one writes the same XMP in well under a millisecond.
   */
  @Override
  protected byte[] serializeXmpMetadata(XMPMetadata xmp) throws TransformerException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    new XmpSerializer(TransformerFactory.newDefaultInstance(), DocumentBuilderFactory.newDefaultInstance())
        .serialize(xmp, buffer, true);
    return buffer.toByteArray();
  }

  @Override
  protected void writeDublinCoreSchema(XMPMetadata xmp) {
    // Mustang adds dc:date from the clock when a creator is set and no date is there: leave it out.
    setCreator(null);
    super.writeDublinCoreSchema(xmp);
  }

  @Override
  public void PDFAttachGenericFile(
      PDDocument target, String filename, String relationship, String description, String subType, byte[] data)
      throws IOException {
    super.PDFAttachGenericFile(target, filename, relationship, description, subType, data);
    PDEmbeddedFilesNameTreeNode files =
        new PDDocumentNameDictionary(target.getDocumentCatalog()).getEmbeddedFiles();
    Map<String, PDComplexFileSpecification> names = files == null ? null : files.getNames();
    PDComplexFileSpecification attached = names == null ? null : names.get(filename);
    if (attached != null) {
      PDEmbeddedFile file = attached.getEmbeddedFile();
      file.setCreationDate(stamp);
      file.setModDate(stamp);
    }
  }
}
