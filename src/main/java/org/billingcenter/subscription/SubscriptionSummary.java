package org.billingcenter.subscription;

/** A subscription as lists show it: with its product's name and how many seats are taken. */
public record SubscriptionSummary(Subscription subscription, String productName, int assignedLicenses) {}
