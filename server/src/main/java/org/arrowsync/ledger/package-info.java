/** The operator's side of the books: customers, projects, offerings, resources, invoices and their items. */
package org.arrowsync.ledger;
