package org.billingcenter.document;

import java.io.IOException;
import java.util.Calendar;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Mustang's PDF/A-3 exporter with one change: every date it would take from the wall clock (the
 * embedded XML file's creation and modification dates, and the PDF's creation, modification and XMP
 * dates where the input PDF had none) is the document's own timestamp instead, so the same invoice
 * embeds to the same bytes.
 */
class FacturXExporter extends ZUGFeRDExporterFromA3 {

  private final Calendar stamp;

  FacturXExporter(Calendar stamp) {
    this.stamp = stamp;
  }

  @Override
  protected void writeDocumentInformation() {
    PDDocumentInformation info = doc.getDocumentInformation();
    boolean hadCreation = info.getCreationDate() != null;
    boolean hadModification = info.getModificationDate() != null;
    super.writeDocumentInformation();
    if (!hadCreation) {
      info.setCreationDate(stamp);
    }
    if (!hadModification) {
      info.setModificationDate(stamp);
    }
  }

  @Override
  protected void writeXMLBasicSchema(XMPMetadata xmp) {
    XMPBasicSchema basic = xmp.getXMPBasicSchema();
    boolean hadCreateDate = basic != null && basic.getCreateDate() != null;
    super.writeXMLBasicSchema(xmp);
    if (!hadCreateDate) {
      xmp.getXMPBasicSchema().setCreateDate(stamp);
    }
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
