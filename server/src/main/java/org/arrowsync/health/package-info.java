/**
 * How the server is doing beyond {@code /health}: whether each Arrow API answers, and the staff's
 * {@code /health/details} (database, job queue, Arrow reachability per settings record).
 */
package org.arrowsync.health;
