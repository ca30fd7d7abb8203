package org.arrowsync.emulator.control;

import java.math.BigDecimal;
import java.util.Map;
import org.arrowsync.emulator.http.ApiError;

/** Typed reads from a control request's JSON object. */
record Body(Map<String, Object> fields) {

    boolean has(String name) {
        return fields.get(name) != null;
    }

    String text(String name, String fallback) {
        Object value = fields.get(name);
        return value == null ? fallback : value.toString();
    }

    String required(String name) {
        String value = text(name, null);
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest(name + " is required");
        }
        return value;
    }

    long number(String name, long fallback) {
        BigDecimal value = decimal(name);
        return value == null ? fallback : value.longValueExact();
    }

    double ratio(String name, double fallback) {
        BigDecimal value = decimal(name);
        return value == null ? fallback : value.doubleValue();
    }

    BigDecimal decimal(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException | ArithmeticException e) {
            throw ApiError.badRequest(name + " must be a number: " + value);
        }
    }
}
