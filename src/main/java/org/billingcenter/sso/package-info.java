/**
 * Single sign-on: each organisation's own OpenID Connect provider, configured by its Global admin
 * (issuer, client, claim-to-role mappings, e-mail domains, mandatory or not), the database-backed
 * client registrations Spring Security's OAuth2 login uses (registration id = the tenant id), and
 * the sign-in that turns a provider's ID token into an admin account of the organisation.
 */
package org.billingcenter.sso;
