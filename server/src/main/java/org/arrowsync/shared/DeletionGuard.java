package org.arrowsync.shared;

/**
 * Lets a module keep another module's object from being deleted while its own records hang on it (billing syncs on a
 * settings record, consumption records on a resource), without the owner reading the other module's tables: the owner
 * asks every guard of the type before it deletes, and a guard refuses by throwing the {@link StateConflict} that names
 * the fact.
 *
 * @param <T> what is about to be deleted
 */
@FunctionalInterface
public interface DeletionGuard<T> {

    void checkDeletable(T target);
}
