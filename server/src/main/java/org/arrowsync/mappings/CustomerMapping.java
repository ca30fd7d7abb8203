package org.arrowsync.mappings;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An Arrow customer (by XSP reference and company name) billed to an operator customer.
 *
 * @param arrowCustomerRef Arrow's {@code Ref} of the customer (e.g. {@code 222222} for {@code XSP222222}), learned from
 *     Arrow's customer list; null while not known
 */
public record CustomerMapping(
        long id,
        UUID uuid,
        long settingsId,
        UUID settingsUuid,
        String arrowReference,
        String arrowCompanyName,
        String arrowCustomerRef,
        long customerId,
        UUID customerUuid,
        String customerName,
        boolean active,
        Instant created,
        Instant modified) {

    private static final Pattern XSP_REFERENCE = Pattern.compile("(?i)XSP(\\d+)");

    /** The Arrow customer and whom it is billed to, as messages name them: {@code XSP1, mapped to customer 'Name'}. */
    public String described() {
        return arrowReference + ", mapped to customer '" + customerName + "'";
    }

    /**
     * Whether a line that carries this End User Company ID, and this customer's company name, may be this customer's by
     * its name (D13): when it carries no id, or when Arrow has not given this customer's Ref yet. Once it has, a line
     * with another id is another Arrow customer's, one of the same name (D279).
     */
    public boolean mayBeNamedBy(String endUserCompanyId) {
        return endUserCompanyId == null
                || endUserCompanyId.isBlank()
                || arrowCustomerRef == null
                || arrowCustomerRef.isBlank();
    }

    /**
     * What the customer is known by, as an export's {@code End User Company ID} names it (D24, matched by
     * {@link MappingIndex}): its reference, the digits of an {@code XSP} reference (the recorded export shows
     * {@code 222222} for {@code XSP222222}, while Arrow documents a Ref as an acronym, D167) and, once learned, its
     * Ref, each trimmed and in upper case. Two mappings with a name in common map the same Arrow customer.
     */
    public List<String> customerNames() {
        return names(arrowReference, arrowCustomerRef);
    }

    /** The names ({@link #customerNames}) of an Arrow customer of this reference and Ref (null while not known). */
    public static List<String> names(String reference, String customerRef) {
        return Stream.of(reference, referenceDigits(reference), customerRef)
                .filter(name -> name != null && !name.isBlank())
                .map(name -> name.strip().toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /** The digits of an {@code XSP} reference ({@code 222222} of {@code XSP222222}); null for another reference. */
    private static String referenceDigits(String reference) {
        Matcher xsp = reference == null ? null : XSP_REFERENCE.matcher(reference.strip());
        return xsp != null && xsp.matches() ? xsp.group(1) : null;
    }

    public CustomerMapping withCustomerRef(String ref) {
        return with(ref, customerId, customerUuid, customerName);
    }

    /**
     * The same mapping billing another operator customer: a month's syncs made before the mapping was pointed at its
     * customer bill the customer they were made for (D100).
     */
    public CustomerMapping billing(long otherId, UUID otherUuid, String otherName) {
        return otherId == customerId ? this : with(arrowCustomerRef, otherId, otherUuid, otherName);
    }

    private CustomerMapping with(String ref, long billedId, UUID billedUuid, String billedName) {
        return new CustomerMapping(
                id,
                uuid,
                settingsId,
                settingsUuid,
                arrowReference,
                arrowCompanyName,
                ref,
                billedId,
                billedUuid,
                billedName,
                active,
                created,
                modified);
    }
}
