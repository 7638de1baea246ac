package org.billingcenter.shared;

/**
 * The online-cancellation threshold rule, in one place for the cancellation policy, the help panel's
 * guidance and the support queue: a subscription can be cancelled online only with fewer than
 * {@code threshold} assigned licenses (exactly the threshold is not fewer); above it, the organisation
 * removes enough licenses to get below it, or asks for a call.
 */
public final class LicenseThreshold {

  private LicenseThreshold() {}

  /** Fewer than the threshold assigned: the organisation may cancel online. */
  public static boolean allowsOnline(int assigned, int threshold) {
    return assigned < threshold;
  }

  /** How many assigned licenses to remove to get below the threshold (0 when already below). */
  public static int licensesToRemove(int assigned, int threshold) {
    return allowsOnline(assigned, threshold) ? 0 : assigned - (threshold - 1);
  }
}
