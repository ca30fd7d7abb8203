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
     * Whether an export's {@code End User Company ID} names this customer (D24): it is the customer's reference (an
     * {@code XSP…} value), its Ref (the bare value the recorded export carries) or the digits of an {@code XSP}
     * reference (that export shows {@code 222222} for {@code XSP222222}, while Arrow documents a Ref as an acronym,
     * D167), compared trimmed and ignoring case.
     */
    public boolean identifiedBy(String endUserCompanyId) {
        return endUserCompanyId != null
                && !endUserCompanyId.isBlank()
                && customerNames().contains(endUserCompanyId.strip().toUpperCase(Locale.ROOT));
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
     * What the customer is known by: its reference, the digits of an {@code XSP} reference and, once learned, its Ref,
     * each trimmed and in upper case, as {@link #identifiedBy} compares them. Two mappings with a name in common map
     * the same Arrow customer.
     */
    public List<String> customerNames() {
        return Stream.of(arrowReference, referenceDigits(), arrowCustomerRef)
                .filter(name -> name != null && !name.isBlank())
                .map(name -> name.strip().toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /** The digits of an {@code XSP} reference ({@code 222222} of {@code XSP222222}); null for another reference. */
    private String referenceDigits() {
        Matcher xsp = arrowReference == null ? null : XSP_REFERENCE.matcher(arrowReference.strip());
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
