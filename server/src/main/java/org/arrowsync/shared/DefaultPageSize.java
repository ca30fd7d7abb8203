package org.arrowsync.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page size of a list whose request names none (or a bad one), on its {@link PageRequest} parameter, where it is
 * not {@link PageRequest#DEFAULT_SIZE}: a list the reference answered unpaged, up to a limit, which Waldur's clients
 * read as one page.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface DefaultPageSize {
    int value();
}
