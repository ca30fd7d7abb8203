package org.arrowsync.billing;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.ExportRow;
import org.arrowsync.ledger.CustomerFields;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.Texts;

/**
 * An Arrow customer as an export line describes it, from its End User columns when the template has them (null where it
 * has not): what force-import gives a customer it creates.
 */
record EndUser(
        String companyName,
        String reference,
        String email,
        String addressLine1,
        String city,
        String postCode,
        String countryCode) {

    static EndUser of(BillingLine line, ExportRow row) {
        return new EndUser(
                line.companyName(),
                line.customerReference(),
                cell(row, "End User E-mail"),
                cell(row, "End User Address Line1"),
                cell(row, "End User City"),
                cell(row, "End User Post Code"),
                cell(row, "End User Country Code"));
    }

    /**
     * The operator customer, cut to each field's size as the reference does: abbreviation from the Arrow reference,
     * address as "line 1, city". What would not pass as that field (an e-mail that is none, a country that is not an
     * ISO 3166 code) is left empty rather than refusing the customer.
     */
    CustomerFields toCustomer() {
        String address = Stream.of(addressLine1, city).filter(Objects::nonNull).collect(Collectors.joining(", "));
        String country = countryCode == null ? "" : countryCode.toUpperCase(Locale.ROOT);
        return new CustomerFields(
                Texts.truncate(companyName.strip(), 150),
                Texts.truncate(reference.strip(), 12),
                email != null && email.length() <= 75 && FieldErrors.isEmail(email) ? email : "",
                Texts.truncate(address, 300),
                Texts.truncate(postCode, 20),
                CustomerFields.isCountry(country) ? country : "");
    }

    private static String cell(ExportRow row, String column) {
        String value = row.cell(column);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
