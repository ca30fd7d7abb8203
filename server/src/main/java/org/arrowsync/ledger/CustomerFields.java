package org.arrowsync.ledger;

/** What an operator customer is made of, as given when creating or changing one; checked by the customer service. */
public record CustomerFields(
        String name, String abbreviation, String email, String address, String postal, String country) {}
