/**
 * Web sessions: a registry of who is signed in where, so that people see their own sessions and a
 * Global admin his organisation's, end them, and a change of someone's access ends his sessions on
 * every node within seconds, without a database query per page request.
 */
package org.billingcenter.session;
