package org.billingcenter.account;

/** Test access to the throttle's memory: every test starts from a clean slate, as after a restart. */
public final class LoginThrottles {

  private LoginThrottles() {}

  public static void forgetAll(LoginThrottle throttle) {
    throttle.forgetAll();
  }
}
