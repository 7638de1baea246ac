package org.billingcenter.support;

/**
 * Why an organisation that called about cancelling decided to stay: the retention data the operator
 * counts. Message keys: {@code support.retention.<name>}.
 */
public enum RetentionReason {
  ISSUE_RESOLVED,
  FEWER_LICENSES,
  PRICE_EXPLAINED,
  FEATURE_EXPLAINED,
  DECIDING_LATER,
  OTHER
}
