package org.billingcenter.document;

/** A rendered document and the file name it is downloaded or attached as. */
public record DocumentPdf(String filename, byte[] bytes) {

  public static final String MEDIA_TYPE = "application/pdf";

  /** Used by value in the cache and the tests: a record compares arrays by identity otherwise. */
  @Override
  public boolean equals(Object other) {
    return other instanceof DocumentPdf o && o.filename.equals(filename) && java.util.Arrays.equals(o.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * filename.hashCode() + java.util.Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "DocumentPdf[" + filename + ", " + bytes.length + " bytes]";
  }
}
