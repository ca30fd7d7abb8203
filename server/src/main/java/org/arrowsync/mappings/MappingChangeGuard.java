package org.arrowsync.mappings;

/**
 * Lets a module keep a customer mapping from being pointed at another operator customer or settings record while its
 * own records price that customer through it, without the mappings reading the other module's tables: the mappings ask
 * every guard before such a change, and a guard refuses by throwing the {@link org.arrowsync.shared.StateConflict} that
 * names the fact.
 */
@FunctionalInterface
public interface MappingChangeGuard {

    /** Before {@code mapping} is pointed at another customer or settings record. */
    void checkRepoint(CustomerMapping mapping);
}
