package org.arrowsync.pricing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.arrowsync.pricing.PriceRuleService.RuleDraft;
import org.arrowsync.pricing.PriceRuleService.RuleFilter;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Price rules; {@code settings} and {@code customer_mapping} are accepted as UUIDs or hyperlinks. */
@Tag(name = "Margins")
@RestController
@RequestMapping("/api/admin/arrow/price-rules/")
class PriceRuleController {

    static final String COLLECTION = "admin/arrow/price-rules";

    private final PriceRuleService rules;

    PriceRuleController(PriceRuleService rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "List price rules")
    Listing<PriceRuleView> list(
            @RequestParam(name = "settings_uuid", required = false) String settingsUuid,
            @RequestParam(name = "customer_mapping_uuid", required = false) String customerMappingUuid,
            @RequestParam(name = "arrow_vendor_name", required = false) String vendorName,
            @RequestParam(required = false) String classification,
            @RequestParam(required = false) @Schema(description = "Only rules valid in this month (YYYY-MM)")
                    String period,
            PageRequest page) {
        RuleFilter filter = new RuleFilter(
                Filters.uuid("settings_uuid", settingsUuid),
                Filters.uuid("customer_mapping_uuid", customerMappingUuid),
                vendorName,
                classification,
                Filters.period("period", period));
        return rules.list(filter, page).map(PriceRuleView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve a price rule")
    PriceRuleView get(@PathVariable String uuid) {
        return PriceRuleView.of(rules.get(Uuids.fromPath(uuid)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add a price rule",
            description = "A rule overlapping another of the same precedence in time is refused with the conflicting"
                    + " rule. Invoices already written do not change: re-pricing books the difference.")
    PriceRuleView create(@RequestBody PriceRuleRequest request) {
        return PriceRuleView.of(rules.create(request.draft()));
    }

    @PutMapping("{uuid}/")
    @Operation(summary = "Replace a price rule")
    PriceRuleView replace(@PathVariable String uuid, @RequestBody PriceRuleRequest request) {
        return PriceRuleView.of(rules.update(Uuids.fromPath(uuid), request.draft()));
    }

    @PatchMapping("{uuid}/")
    @Operation(
            summary = "Change some fields of a price rule",
            description = "A field left out keeps its value; null or an empty string clears an optional one.")
    PriceRuleView patch(@PathVariable String uuid, @RequestBody PriceRuleRequest request) {
        PriceRule current = rules.get(Uuids.fromPath(uuid));
        return PriceRuleView.of(rules.update(current.uuid(), request.over(RuleDraft.of(current))));
    }

    @DeleteMapping("{uuid}/")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a price rule")
    void delete(@PathVariable String uuid) {
        rules.delete(Uuids.fromPath(uuid));
    }

    /**
     * A rule as sent. The optional fields are nodes, not text, so that PATCH tells a field left out (null here: it
     * keeps its value) from one sent null (a null node: it is cleared, as DRF's updates clear it, as an empty string
     * does).
     */
    record PriceRuleRequest(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid")
            String settings,

            @Schema(
                    type = "string",
                    format = "uuid",
                    nullable = true,
                    description = "Only lines billed to this mapping's customer")
            JsonNode customerMapping,

            @Schema(
                    type = "string",
                    nullable = true,
                    maxLength = 255,
                    description = "Only lines of this vendor (any case)")
            JsonNode arrowVendorName,

            @Schema(
                    type = "string",
                    nullable = true,
                    maxLength = 50,
                    description = "Only lines of this classification, e.g. IAAS or SAAS")
            JsonNode classification,

            @Schema(
                    requiredMode = RequiredMode.REQUIRED,
                    allowableValues = {"sell", "buy"})
            String base,

            @Schema(
                    requiredMode = RequiredMode.REQUIRED,
                    format = "decimal",
                    description = "Percent added to the base; negative for a discount, -100 to 10000")
            String markupPercent,

            @Schema(requiredMode = RequiredMode.REQUIRED, description = "First month, YYYY-MM")
            String validFrom,

            @Schema(type = "string", nullable = true, description = "Last month, YYYY-MM; none for open-ended")
            JsonNode validTo,

            @Schema(maxLength = 500) String note) {

        RuleDraft draft() {
            return new RuleDraft(
                    settings == null ? null : Uuids.fromReference("settings", settings),
                    reference(text("customer_mapping", customerMapping)),
                    text("arrow_vendor_name", arrowVendorName),
                    text("classification", classification),
                    base,
                    markupPercent,
                    validFrom,
                    text("valid_to", validTo),
                    note);
        }

        RuleDraft over(RuleDraft current) {
            return new RuleDraft(
                    settings != null ? Uuids.fromReference("settings", settings) : current.settingsUuid(),
                    customerMapping != null
                            ? reference(text("customer_mapping", customerMapping))
                            : current.customerMappingUuid(),
                    arrowVendorName != null ? text("arrow_vendor_name", arrowVendorName) : current.vendorName(),
                    classification != null ? text("classification", classification) : current.classification(),
                    base != null ? base : current.base(),
                    markupPercent != null ? markupPercent : current.markupPercent(),
                    validFrom != null ? validFrom : current.validFrom(),
                    validTo != null ? text("valid_to", validTo) : current.validTo(),
                    note != null ? note : current.note());
        }

        /**
         * A node's text; none for a null node (or none at all). A number is read as it was written; a boolean, a list
         * or an object is refused under the field, as DRF's text fields refuse them (a rule naming
         * {@code ["Microsoft"]} would match no line).
         */
        private static String text(String field, JsonNode value) {
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isString()) {
                return value.asString();
            }
            if (value.isNumber()) {
                return value.toString();
            }
            throw InvalidInput.of(field, InvalidInput.NOT_A_STRING);
        }

        private static UUID reference(String value) {
            return value == null || value.isBlank() ? null : Uuids.fromReference("customer_mapping", value);
        }
    }

    @Schema(name = "PriceRule")
    record PriceRuleView(
            String uuid,
            String url,
            @Schema(format = "uuid") String settings,
            @Schema(format = "uuid", nullable = true) String customerMapping,
            @Schema(nullable = true) String arrowVendorName,
            @Schema(nullable = true) String classification,
            @Schema(allowableValues = {"sell", "buy"}) String base,
            BigDecimal markupPercent,
            String validFrom,
            @Schema(nullable = true) String validTo,
            String note,
            Instant created,
            Instant modified) {

        static PriceRuleView of(PriceRule rule) {
            return new PriceRuleView(
                    Uuids.hex(rule.uuid()),
                    ApiUrls.of(COLLECTION, rule.uuid()),
                    Uuids.hex(rule.settingsUuid()),
                    Uuids.hex(rule.customerMappingUuid()),
                    rule.vendorName(),
                    rule.classification(),
                    rule.base().value(),
                    rule.markupPercent(),
                    rule.validFrom().toString(),
                    rule.validTo() == null ? null : rule.validTo().toString(),
                    rule.note(),
                    rule.created(),
                    rule.modified());
        }
    }
}
