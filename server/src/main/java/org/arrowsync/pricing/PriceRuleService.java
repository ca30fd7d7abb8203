package org.arrowsync.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.pricing.PriceRuleRepository.RuleFields;
import org.arrowsync.settings.PriceSource;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Periods;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Price rules and the price book built from them. A rule's customer mapping belongs to its settings; two rules of the
 * same precedence that would match the same lines in the same month are refused. Writing a rule changes no invoice:
 * syncs price with the rules in force when they run, and re-pricing books what they change for months already billed.
 */
@Service
public class PriceRuleService {

    public static final String VALID_TO_BEFORE_VALID_FROM = "valid_to must not be before valid_from.";
    private static final BigDecimal LOWEST_MARKUP = BigDecimal.valueOf(-100);
    private static final BigDecimal HIGHEST_MARKUP = BigDecimal.valueOf(10_000);
    private static final int MARKUP_DECIMALS = 4;

    private final PriceRuleRepository rules;
    private final SettingsService settings;
    private final CustomerMappingService mappings;
    private final Clock clock;

    PriceRuleService(
            PriceRuleRepository rules, SettingsService settings, CustomerMappingService mappings, Clock clock) {
        this.rules = rules;
        this.settings = settings;
        this.mappings = mappings;
        this.clock = clock;
    }

    /**
     * Customers whose syncs move from their mappings of another settings record (the keys) to these settings' mappings
     * (the values, D123, D159) keep their prices: the rules naming each mapping they leave are copied to the one they
     * join, unless those settings already have rules for its customer, which then price it (D240). Answers how many
     * were copied, by the mapping copied to.
     */
    public Map<Long, Integer> carryOnCustomerRules(Map<CustomerMapping, CustomerMapping> moves) {
        if (moves.isEmpty()) {
            return Map.of();
        }
        List<CustomerMapping> from = List.copyOf(moves.keySet());
        return rules.copyCustomerRules(
                from.stream().map(CustomerMapping::id).toList(),
                from.stream().map(mapping -> moves.get(mapping).id()).toList(),
                clock.instant());
    }

    /** The rules and price source of a settings record, read once, to price its lines of any month. */
    public PriceBook book(Settings owner) {
        RulesVersion version = rules.version(owner.id());
        return new PriceBook(version.fallback(), rules.ofSettings(owner.id()), version);
    }

    /**
     * The book {@code held} while the record's rules and price source are as they were when it was read, else both read
     * again (D251): a run that reads its book once and prices under the month's lock later prices by what a re-pricing
     * booked meanwhile, not by what it started with.
     */
    public PriceBook current(PriceBook held, Settings owner) {
        return rules.version(owner.id()).equals(held.version()) ? held : book(owner);
    }

    public PriceRule get(UUID uuid) {
        return rules.find(uuid).orElseThrow(NotFound::new);
    }

    public Listing<PriceRule> list(RuleFilter filter, PageRequest page) {
        return rules.list(filter, page);
    }

    @Transactional
    public PriceRule create(RuleDraft draft) {
        return get(rules.insert(validate(draft, null), clock.instant()));
    }

    @Transactional
    public PriceRule update(UUID uuid, RuleDraft draft) {
        PriceRule rule = get(uuid);
        rules.update(rule.id(), validate(draft, rule), clock.instant());
        return get(uuid);
    }

    @Transactional
    public void delete(UUID uuid) {
        rules.delete(get(uuid).id());
    }

    /**
     * The fields of a valid rule that overlaps no other of its precedence; {@code current} is the rule being changed.
     */
    private RuleFields validate(RuleDraft draft, PriceRule current) {
        FieldErrors errors = new FieldErrors();
        errors.requiredValue("settings", draft.settingsUuid());
        String vendor = optional(draft.vendorName());
        errors.maxLength("arrow_vendor_name", vendor, 255);
        String classification = optional(draft.classification());
        errors.maxLength("classification", classification, 50);
        if (errors.required("base", draft.base())) {
            errors.oneOf("base", draft.base(), List.of(PriceSource.SELL.value(), PriceSource.BUY.value()));
        }
        BigDecimal markup = markup(errors, draft.markupPercent());
        YearMonth from = null;
        if (errors.required("valid_from", draft.validFrom())) {
            from = Periods.parse(errors, "valid_from", draft.validFrom());
        }
        YearMonth to = Periods.parse(errors, "valid_to", optional(draft.validTo()));
        if (from != null && to != null && to.isBefore(from)) {
            errors.add("valid_to", VALID_TO_BEFORE_VALID_FROM);
        }
        String note = draft.note() == null ? "" : draft.note();
        errors.maxLength("note", note, 500);
        errors.throwIfAny();
        Settings owner = settings.find(draft.settingsUuid()).orElse(null);
        if (owner == null) {
            errors.add("settings", InvalidInput.DOES_NOT_EXIST);
        }
        CustomerMapping mapping = null;
        if (draft.customerMappingUuid() != null) {
            mapping = mappings.find(draft.customerMappingUuid()).orElse(null);
            if (mapping == null) {
                errors.add("customer_mapping", InvalidInput.DOES_NOT_EXIST);
            } else if (owner != null && mapping.settingsId() != owner.id()) {
                errors.add("customer_mapping", "The customer mapping belongs to other settings.");
            }
        }
        errors.throwIfAny();
        PriceSource base = PriceSource.of(draft.base()).orElseThrow();
        PriceRule candidate = new PriceRule(
                current == null ? 0 : current.id(),
                current == null ? null : current.uuid(),
                owner.id(),
                owner.uuid(),
                mapping == null ? null : mapping.uuid(),
                mapping == null ? null : mapping.customerId(),
                vendor,
                classification,
                base,
                markup,
                from,
                to,
                note,
                null,
                null);
        rules.lockRulesOf(owner.uuid());
        rules.ofSettings(owner.id()).stream()
                .filter(other -> current == null || other.id() != current.id())
                .filter(candidate::overlaps)
                .findFirst()
                .ifPresent(conflicting -> {
                    throw new PriceRulesOverlap(conflicting);
                });
        return new RuleFields(
                owner.id(),
                mapping == null ? null : mapping.id(),
                vendor,
                classification,
                base,
                markup,
                from,
                to,
                note);
    }

    private static BigDecimal markup(FieldErrors errors, String text) {
        if (!errors.required("markup_percent", text)) {
            return null;
        }
        BigDecimal markup;
        try {
            markup = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            errors.add("markup_percent", "A valid number is required.");
            return null;
        }
        if (markup.stripTrailingZeros().scale() > MARKUP_DECIMALS) {
            errors.add("markup_percent", "Ensure that there are no more than " + MARKUP_DECIMALS + " decimal places.");
        } else if (markup.compareTo(LOWEST_MARKUP) < 0) {
            errors.add("markup_percent", "Ensure this value is greater than or equal to " + LOWEST_MARKUP + ".");
        } else if (markup.compareTo(HIGHEST_MARKUP) > 0) {
            errors.add("markup_percent", "Ensure this value is less than or equal to " + HIGHEST_MARKUP + ".");
        } else {
            // as the column keeps it: "0E-20000" or 5 followed by 16,384 zeros is a number PostgreSQL does not take
            return markup.setScale(MARKUP_DECIMALS, RoundingMode.UNNECESSARY);
        }
        return markup;
    }

    /** An optional text: blank means none (any vendor, any classification, no end). */
    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A rule as a request gives it; {@code settingsUuid} and {@code customerMappingUuid} already parsed, the rest as
     * sent.
     */
    public record RuleDraft(
            UUID settingsUuid,
            UUID customerMappingUuid,
            String vendorName,
            String classification,
            String base,
            String markupPercent,
            String validFrom,
            String validTo,
            String note) {

        public static RuleDraft of(PriceRule rule) {
            return new RuleDraft(
                    rule.settingsUuid(),
                    rule.customerMappingUuid(),
                    rule.vendorName(),
                    rule.classification(),
                    rule.base().value(),
                    rule.markupPercent().stripTrailingZeros().toPlainString(),
                    rule.validFrom().toString(),
                    rule.validTo() == null ? null : rule.validTo().toString(),
                    rule.note());
        }
    }

    public record RuleFilter(
            UUID settingsUuid, UUID customerMappingUuid, String vendorName, String classification, YearMonth period) {}
}
