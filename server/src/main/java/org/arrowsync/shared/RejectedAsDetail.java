package org.arrowsync.shared;

/**
 * A refusal the reference answers in Django REST framework's form, a 400 {@code {"detail": message}}, where the wire
 * contract keeps that form (the customer mappings' {@code available_customers}).
 */
public abstract class RejectedAsDetail extends Refusal {

    protected RejectedAsDetail(String message) {
        super(message);
    }
}
