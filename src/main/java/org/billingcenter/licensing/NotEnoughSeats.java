package org.billingcenter.licensing;

import org.billingcenter.shared.Rejected;

/**
 * Refused for want of licenses (code NOT_ENOUGH_SEATS): nothing was assigned. {@link #missing()}
 * is how many more the request needed, so a page can offer to buy exactly that many and the API can
 * say it as the problem's {@code missing} member.
 */
public class NotEnoughSeats extends Rejected {

  private final int missing;

  /** The message shows {@code free}; {@code missing} travels as its own value. */
  public NotEnoughSeats(int free, int missing) {
    super(LicensingReason.NOT_ENOUGH_SEATS, free, missing);
    this.missing = missing;
  }

  public int missing() {
    return missing;
  }
}
