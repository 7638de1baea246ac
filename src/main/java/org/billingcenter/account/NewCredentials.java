package org.billingcenter.account;

/** A request that creates an account: what {@link AcceptablePassword} needs to judge its password. */
public interface NewCredentials {

  String username();

  String password();
}
