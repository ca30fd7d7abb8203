/**
 * Prometheus metrics at {@code /metrics}: Arrow requests, the job queue, billing lines and amounts, consumption
 * records, reachability, under names that start with {@code arrowsync_}. Fed by what the other modules publish (Arrow
 * call listeners, events) and by their figures, read from the database at each scrape.
 */
package org.arrowsync.metrics;
