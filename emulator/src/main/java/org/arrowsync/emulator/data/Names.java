package org.arrowsync.emulator.data;

import java.util.List;

/** Name material for generated customers; scale names are unique by construction (index suffix). */
final class Names {

    static final List<String> DEMO_COMPANIES = List.of(
            "Contoso Ltd",
            "Fabrikam Inc",
            "Northwind Traders",
            "Adventure Works Cycles",
            "Tailspin Toys",
            "Wide World Importers",
            "Litware Inc",
            "Proseware Inc",
            "Woodgrove Bank",
            "Alpine Ski House");

    private static final List<String> WORDS = List.of(
            "Alder",
            "Birch",
            "Cedar",
            "Delta",
            "Ember",
            "Fjord",
            "Granite",
            "Harbor",
            "Iris",
            "Juniper",
            "Kestrel",
            "Linden",
            "Meridian",
            "Nimbus",
            "Orchid",
            "Pioneer");
    private static final List<String> TRADES =
            List.of("Logistics", "Consulting", "Foods", "Engineering", "Media", "Health", "Retail", "Energy");
    private static final List<String> FIRST =
            List.of("Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas");
    private static final List<String> LAST =
            List.of("Meyer", "Dubois", "Rossi", "Novak", "Jensen", "Garcia", "Schmidt", "Laurent", "Berg", "Kowalski");

    /** City, country, postcode, street. */
    record Place(String city, String countryCode, String postCode, String street) {}

    private static final List<Place> PLACES = List.of(
            new Place("Paris", "FR", "75008", "12 Rue de la Paix"),
            new Place("Berlin", "DE", "10115", "Invalidenstrasse 44"),
            new Place("Amsterdam", "NL", "1012 JS", "Damrak 70"),
            new Place("Madrid", "ES", "28013", "Gran Via 28"),
            new Place("Tallinn", "EE", "10111", "Narva mnt 5"),
            new Place("London", "GB", "EC1A 1BB", "1 King William St"));

    private Names() {}

    static String company(String preset, int index) {
        if (Presets.DEMO.equals(preset) && index < DEMO_COMPANIES.size()) {
            return DEMO_COMPANIES.get(index);
        }
        return WORDS.get(index % WORDS.size()) + " " + TRADES.get(index / WORDS.size() % TRADES.size()) + " "
                + String.format("%05d", index) + " Ltd";
    }

    static String first(long hash) {
        return FIRST.get(Hash.below(hash, FIRST.size()));
    }

    static String last(long hash) {
        return LAST.get(Hash.below(hash >>> 8, LAST.size()));
    }

    static Place place(int index) {
        return PLACES.get(index % PLACES.size());
    }

    /** A lower-case DNS-ish label derived from a company name ("Contoso Ltd" becomes "contosoltd"). */
    static String domain(String company) {
        return company.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".example";
    }
}
