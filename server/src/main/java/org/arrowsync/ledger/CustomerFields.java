package org.arrowsync.ledger;

import java.util.Locale;
import java.util.Set;

/** What an operator customer is made of, as given when creating or changing one; checked by the customer service. */
public record CustomerFields(
        String name, String abbreviation, String email, String address, String postal, String country) {

    /** The countries Waldur's customers take: ISO 3166-1 alpha-2 codes, in capitals. */
    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Whether the code is a country as Waldur's customers take it: ISO 3166-1 alpha-2, in capitals. */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }
}
