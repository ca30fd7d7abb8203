package org.arrowsync.billing;

/** A month's sync as far as whose lines it holds: its customer mapping, and the customer it bills. */
interface CustomerSync {

    long mappingId();

    String customerName();
}
