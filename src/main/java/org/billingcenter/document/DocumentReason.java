package org.billingcenter.document;

import org.billingcenter.shared.Reason;

/** Why a document request was refused. */
public enum DocumentReason implements Reason {
  /** The id is not a credit note of the organisation (another's, unknown, or an invoice's). */
  CREDIT_NOTE_NOT_FOUND(Kind.NOT_FOUND);

  private final Kind kind;

  DocumentReason(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Kind kind() {
    return kind;
  }
}
