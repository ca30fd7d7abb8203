package org.arrowsync.shared;

/**
 * Lets a module keep resources from changing customer while its own records bill them to the customer they have
 * (consumption records not yet finalised), without the owner reading the other module's tables: the ledger asks every
 * guard before a resource moves to another customer's project, or a project to another customer, and a guard refuses by
 * throwing the {@link StateConflict} that names the fact.
 */
public interface CustomerChangeGuard {

    /** Before the resource with this row id moves to a project of another customer. */
    void checkResourceMove(long resourceId);

    /** Before the project with this row id, and every resource in it, moves to another customer. */
    void checkProjectMove(long projectId);
}
