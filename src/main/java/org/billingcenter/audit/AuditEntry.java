package org.billingcenter.audit;

/** One audit event as the searches list it: with the name of its organisation. */
public record AuditEntry(AuditEvent event, String tenantName) {}
