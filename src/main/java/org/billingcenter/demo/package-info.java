/**
 * The demo data set: three fictional organisations, their accounts and subscriptions, seeded on the
 * first start of the embedded database (never on PostgreSQL unless asked).
 */
package org.billingcenter.demo;
