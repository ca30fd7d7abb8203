package org.arrowsync.emulator.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partner's customers and licenses, computed from their index on every call so memory stays constant whatever the
 * scale. References encode the index, which makes lookups arithmetic. Renames and currencies set through the control
 * API are a small overlay on top, so every endpoint (customers, licenses, exports, statements) shows them at once.
 */
public final class Universe {

    private static final long CUSTOMER_BASE = 700_001L;
    private static final long LICENSE_BASE = 4_000_001L;
    private static final long PEOPLE = 1;
    private static final long SUBSCRIPTION = 2;
    private static final long SEATS = 3;

    /** The currency a customer is billed in until the control API sets another. */
    public static final String DEFAULT_CURRENCY = "EUR";

    private final String preset;
    private final long seed;
    private final ScaleOptions shape;
    private final YearMonth firstMonth;
    private final Map<Integer, String> companyNames = new ConcurrentHashMap<>();
    private final Map<Integer, String> friendlyNames = new ConcurrentHashMap<>();
    private final Map<Integer, String> currencies = new ConcurrentHashMap<>();

    public Universe(String preset, long seed, ScaleOptions shape, YearMonth firstMonth) {
        this.preset = preset;
        this.seed = seed;
        this.shape = shape;
        this.firstMonth = firstMonth;
    }

    public String preset() {
        return preset;
    }

    public long seed() {
        return seed;
    }

    public ScaleOptions shape() {
        return shape;
    }

    /** The oldest month with data; the newest is the clock's current month. */
    public YearMonth firstMonth() {
        return firstMonth;
    }

    public int customerCount() {
        return shape.customers();
    }

    public int licenseCount() {
        return shape.customers() * shape.licensesPerCustomer();
    }

    public Customer customer(int index) {
        String original = Names.company(preset, index);
        String company = companyNames.getOrDefault(index, original);
        long people = Hash.of(seed, PEOPLE, index, 0);
        Names.Place place = Names.place(index);
        String first = Names.first(people);
        String last = Names.last(people);
        String domain = Names.domain(original);
        return new Customer(
                index,
                "XSP" + (CUSTOMER_BASE + index),
                company,
                // Arrow's Ref is the reference's number (XSP222222 has Ref 222222 in the recorded customer list)
                Long.toString(CUSTOMER_BASE + index),
                "INT-" + String.format("%05d", index),
                first,
                last,
                first.toLowerCase(java.util.Locale.ROOT) + "." + last.toLowerCase(java.util.Locale.ROOT) + "@" + domain,
                "+33 1 40 00 " + String.format("%02d %02d", index / 100 % 100, index % 100),
                place.street(),
                place.city(),
                place.postCode(),
                place.countryCode(),
                currencies.getOrDefault(index, DEFAULT_CURRENCY),
                uuid(people).toString(),
                firstMonth.minusMonths(1 + Hash.below(people, 24)).atDay(1 + Hash.below(people >>> 16, 28)));
    }

    public License license(int index) {
        int customerIndex = index / shape.licensesPerCustomer();
        int slot = index % shape.licensesPerCustomer();
        Offer offer = offerOf(index);
        long h = Hash.of(seed, SUBSCRIPTION, index, 0);
        String vendorId = vendorSubscriptionId(index);
        int seats = offer.metered() ? 1 : 3 + Hash.below(Hash.of(seed, SEATS, index, 0), 23);
        String friendly = friendlyNames.getOrDefault(
                index, offer.productName() + " - " + Names.company(preset, customerIndex) + " #" + (slot + 1));
        LocalDate activation =
                firstMonth.minusMonths(1 + Hash.below(h >>> 20, 12)).atDay(1 + Hash.below(h >>> 40, 28));
        return new License(index, customerIndex, LICENSE_BASE + index, offer, vendorId, friendly, seats, activation);
    }

    /** The currency the license's customer is billed in. */
    public String currencyOf(License license) {
        return customer(license.customerIndex()).currency();
    }

    public Optional<Customer> customer(String reference) {
        return indexOf(reference, "XSP", CUSTOMER_BASE, customerCount()).map(this::customer);
    }

    public Optional<License> license(String reference) {
        return indexOf(reference, "XSP", LICENSE_BASE, licenseCount()).map(this::license);
    }

    /** Arrow renames a customer (its reference stays); empty when there is no such customer. */
    public Optional<Customer> renameCustomer(String reference, String companyName) {
        Optional<Integer> index = indexOf(reference, "XSP", CUSTOMER_BASE, customerCount());
        index.ifPresent(i -> companyNames.put(i, companyName));
        return index.map(this::customer);
    }

    /**
     * Arrow bills a customer in another currency, for every month (its amounts are the same numbers); empty when there
     * is no such customer.
     */
    public Optional<Customer> billCustomerIn(String reference, String currency) {
        Optional<Integer> index = indexOf(reference, "XSP", CUSTOMER_BASE, customerCount());
        index.ifPresent(i -> currencies.put(i, currency));
        return index.map(this::customer);
    }

    /** The customer renames a subscription (its friendly name); empty when there is no such license. */
    public Optional<License> renameLicense(String reference, String friendlyName) {
        Optional<Integer> index = indexOf(reference, "XSP", LICENSE_BASE, licenseCount());
        index.ifPresent(i -> friendlyNames.put(i, friendlyName));
        return index.map(this::license);
    }

    /** Resolves the number a Sequence carries for its license. */
    Optional<License> licenseByNumber(long number) {
        int index = indexOfNumber(number);
        return index >= 0 ? Optional.of(license(index)) : Optional.empty();
    }

    /** License index for a license number, -1 when no such license exists. */
    int indexOfNumber(long number) {
        long index = number - LICENSE_BASE;
        return index >= 0 && index < licenseCount() ? (int) index : -1;
    }

    public int firstLicenseOf(int customerIndex) {
        return customerIndex * shape.licensesPerCustomer();
    }

    /** The vendor programs every customer has licenses of, in slot order: one statement each per month. */
    public List<Program> programs() {
        Map<String, Program> byCode = new LinkedHashMap<>();
        for (int slot = 0; slot < shape.licensesPerCustomer(); slot++) {
            Offer offer = Offer.forSlot(slot);
            byCode.merge(
                    offer.programCode(),
                    new Program(offer.programCode(), offer.vendorName(), offer.classification()),
                    Program::with);
        }
        return List.copyOf(byCode.values());
    }

    /** Cheap per-index accessors: filters and paging use them to avoid building whole licenses. */
    Offer offerOf(int licenseIndex) {
        return Offer.forSlot(licenseIndex % shape.licensesPerCustomer());
    }

    String vendorSubscriptionId(int licenseIndex) {
        long h = Hash.of(seed, SUBSCRIPTION, licenseIndex, 0);
        return offerOf(licenseIndex) == Offer.AWS
                ? String.format("%012d", Math.floorMod(h, 1_000_000_000_000L))
                : uuid(h).toString();
    }

    /** Generated lines of one license in one month. */
    public int lineCount(int licenseIndex) {
        if (shape.linesPerLicense() > 0) {
            return shape.linesPerLicense();
        }
        return offerOf(licenseIndex).metered() ? 2 + Hash.below(Hash.of(seed, SEATS, licenseIndex, 1), 4) : 1;
    }

    private static Optional<Integer> indexOf(String reference, String prefix, long base, int count) {
        if (reference == null || !reference.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            long index = Long.parseLong(reference.substring(prefix.length())) - base;
            return index >= 0 && index < count ? Optional.of((int) index) : Optional.empty();
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    private static UUID uuid(long hash) {
        return new UUID(hash, Long.rotateLeft(hash, 29) ^ 0x5DEECE66DL);
    }
}
