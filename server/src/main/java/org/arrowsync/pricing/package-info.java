/**
 * Price rules: what a line bills, from Arrow's sell or buy price and a markup per customer, vendor and classification;
 * the one engine the billing sync and consumption tracking price through, and the port re-pricing and margin reports
 * reach their lines by.
 */
package org.arrowsync.pricing;
