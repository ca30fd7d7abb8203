package org.arrowsync.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A console form that deletes or stops something. The page's script asks its question before it sends the form and says
 * so ({@code confirmed=true}); a form sent without it (no JavaScript) is answered by the question, with the same form
 * to send again confirmed, and nothing is done until then ({@link AskedForms}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface AsksFirst {

    /** The question, as the page's {@code data-confirm} asks it. */
    String value();

    /** The button that answers yes. */
    String answer();

    /** The field whose value {@code true} makes the form act (a preview beside it asks nothing); empty: every post. */
    String when() default "";
}
