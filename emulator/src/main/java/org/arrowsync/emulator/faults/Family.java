package org.arrowsync.emulator.faults;

import java.util.Locale;

/** Endpoint families: the unit of fault injection and of request statistics. */
public enum Family {
    WHOAMI,
    CUSTOMERS,
    LICENSES,
    CONSUMPTION,
    EXPORTS,
    STATEMENTS,
    CATALOG,
    SUBSCRIPTIONS,
    OTHER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The family of a path relative to the API base, e.g. {@code billing/erp/exports/sync}. */
    public static Family of(String path) {
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        return switch (first) {
            case "whoami" -> WHOAMI;
            case "customers" -> CUSTOMERS;
            case "licenses" -> LICENSES;
            case "consumption" -> CONSUMPTION;
            case "catalog" -> CATALOG;
            case "subscriptions" -> SUBSCRIPTIONS;
            case "billing" ->
                path.startsWith("billing/erp/") ? EXPORTS : path.startsWith("billing/statements") ? STATEMENTS : OTHER;
            default -> OTHER;
        };
    }

    /** Parses a family key; {@code *} is handled by the caller. */
    public static Family parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
