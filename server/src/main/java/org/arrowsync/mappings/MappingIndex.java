package org.arrowsync.mappings;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.arrowsync.arrowclient.BillingLine;

/**
 * Finds the customer mapping of a billing line (D13, D24): by the line's End User Company ID when it is one of a
 * mapping's names (its reference, the digits of an XSP reference, its Ref: {@link CustomerMapping#customerNames},
 * indexed), else by company name compared trimmed, case-insensitively, with whitespace collapsed. A name shared by two
 * mappings matches neither, nor does a name whose mapping knows its Ref when the line carries another customer's id
 * (D279): billing the wrong customer is worse than reporting the line. One index serves one thread: it remembers the
 * last line it matched.
 */
public final class MappingIndex {

    private final Map<String, CustomerMapping> byId = new HashMap<>();
    private final Map<String, CustomerMapping> byName = new HashMap<>();
    private final Set<String> ambiguousNames = new HashSet<>();
    /** The last line's customer columns and their match: an export lists a customer's lines one after another. */
    private String lastReference;

    private String lastName;
    private Optional<CustomerMapping> lastMatch;

    public MappingIndex(List<CustomerMapping> mappings) {
        for (CustomerMapping mapping : mappings) {
            mapping.customerNames().forEach(name -> byId.putIfAbsent(name, mapping));
            String name = name(mapping.arrowCompanyName());
            if (!name.isEmpty() && byName.putIfAbsent(name, mapping) != null) {
                ambiguousNames.add(name);
            }
        }
        ambiguousNames.forEach(byName::remove);
    }

    public Optional<CustomerMapping> match(BillingLine line) {
        return match(line.customerReference(), line.companyName());
    }

    /** The mapping of the Arrow customer a line names by its reference, else by its company name. */
    public Optional<CustomerMapping> match(String customerReference, String companyName) {
        if (lastMatch == null
                || !Objects.equals(customerReference, lastReference)
                || !Objects.equals(companyName, lastName)) {
            lastReference = customerReference;
            lastName = companyName;
            lastMatch = lookUp(customerReference, companyName);
        }
        return lastMatch;
    }

    private Optional<CustomerMapping> lookUp(String customerReference, String companyName) {
        if (customerReference != null && !customerReference.isBlank()) {
            CustomerMapping mapping = byId.get(reference(customerReference));
            if (mapping != null) {
                return Optional.of(mapping);
            }
        }
        return Optional.ofNullable(byName.get(name(companyName)))
                .filter(named -> named.mayBeNamedBy(customerReference));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public static String reference(String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }

    public static String name(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
