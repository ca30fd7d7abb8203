package org.arrowsync.ledger;

import org.arrowsync.ledger.Resource.Ref;

/**
 * An invoice item as the invoice-item endpoints show it (Waldur's {@code InvoiceItemDetail}): with its invoice's
 * customer and, when it bills a resource, the resource's offering.
 */
record InvoiceItemDetail(InvoiceItem item, Ref customer, Ref offering) {}
