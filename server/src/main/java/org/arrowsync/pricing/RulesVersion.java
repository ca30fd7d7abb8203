package org.arrowsync.pricing;

import java.time.Instant;

/**
 * How a settings record's rules stand: how many there are and when the latest was written. A rule added, changed or
 * deleted changes it, so a book read at one version prices as a book read now while the version is the same.
 */
record RulesVersion(long rules, Instant lastModified) {}
