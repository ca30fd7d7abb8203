/**
 * The audit trail: who changed what, when, from where and why, for every change made through the API or the console and
 * every job a schedule queued; append-only, listed at {@code /api/admin/audit-log/}.
 */
package org.arrowsync.audit;
