package org.arrowsync.pricing;

import java.time.Instant;
import org.arrowsync.settings.PriceSource;

/**
 * How a settings record's pricing stands: how many rules it has, when the latest was written, and the price its lines
 * take where no rule applies. A rule added, changed or deleted, or the price source changed, changes it, so a book read
 * at one version prices as a book read now while the version is the same.
 */
record RulesVersion(long rules, Instant lastModified, PriceSource fallback) {}
