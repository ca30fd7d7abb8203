package org.arrowsync.console;

import java.time.Clock;
import java.time.YearMonth;
import java.util.UUID;
import org.arrowsync.mappings.CustomerMappingService;
import org.arrowsync.pricing.PriceRule;
import org.arrowsync.pricing.PriceRuleService;
import org.arrowsync.pricing.PriceRuleService.RuleDraft;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Price rules of a settings record: add, change, delete. The rules' own checks answer (a rule overlapping another of
 * its precedence is refused, naming it); a rule written changes no invoice, the margins page re-prices.
 */
@Controller
class PriceRulePages {

    private final PriceRuleService rules;
    private final SettingsService settings;
    private final CustomerMappingService mappings;
    private final Clock clock;

    PriceRulePages(PriceRuleService rules, SettingsService settings, CustomerMappingService mappings, Clock clock) {
        this.rules = rules;
        this.settings = settings;
        this.mappings = mappings;
        this.clock = clock;
    }

    @GetMapping("/price-rules/new")
    String create(
            @RequestParam(name = "settings", required = false) String settingsUuid,
            @RequestParam(required = false) String month,
            Model model) {
        // without settings named, the active ones, as the API's requests take them
        Settings owner = settings.resolve(Filters.uuid("settings", settingsUuid));
        return form(
                owner,
                Filters.period("month", month),
                null,
                new RuleDraft(
                        owner.uuid(),
                        null,
                        "",
                        "",
                        owner.priceSource().value(),
                        "",
                        YearMonth.now(clock).toString(),
                        "",
                        ""),
                model);
    }

    @GetMapping("/price-rules/{uuid}")
    String edit(@PathVariable String uuid, @RequestParam(required = false) String month, Model model) {
        PriceRule rule = rules.get(Filters.uuid("uuid", uuid));
        return form(settings.get(rule.settingsUuid()), Filters.period("month", month), rule, RuleDraft.of(rule), model);
    }

    /**
     * Saves a new rule (for the settings named) or the rule of the path; a refused one comes back beside its fields.
     * Either way the operator goes back to the margins of the month they came from, if any.
     */
    @PostMapping({"/price-rules/new", "/price-rules/{uuid}"})
    String save(
            @PathVariable(required = false) String uuid,
            @RequestParam(name = "settings", required = false) String settingsUuid,
            @RequestParam(name = "customer_mapping", required = false) String customerMapping,
            @RequestParam(name = "arrow_vendor_name", required = false) String vendor,
            @RequestParam(required = false) String classification,
            @RequestParam(required = false) String base,
            @RequestParam(name = "markup_percent", required = false) String markup,
            @RequestParam(name = "valid_from", required = false) String validFrom,
            @RequestParam(name = "valid_to", required = false) String validTo,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String month,
            Model model,
            RedirectAttributes redirect) {
        PriceRule rule = uuid == null ? null : rules.get(Filters.uuid("uuid", uuid));
        YearMonth period = Filters.period("month", month);
        // a new rule without settings named is for the active ones, as its form and the API's requests take them
        Settings owner = rule == null
                ? settings.resolve(Filters.uuid("settings", settingsUuid))
                : settings.get(rule.settingsUuid());
        RuleDraft draft = new RuleDraft(
                owner.uuid(),
                Filters.uuid("customer_mapping", customerMapping),
                vendor,
                classification,
                base,
                markup,
                validFrom,
                validTo,
                note);
        try {
            if (rule == null) {
                rules.create(draft);
            } else {
                rules.update(rule.uuid(), draft);
            }
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.errors());
            return form(owner, period, rule, draft, model);
        }
        redirect.addFlashAttribute(
                "flash",
                "Price rule saved. Syncs price with it from now on; re-price a month already billed to apply it there.");
        return margins(owner.uuid(), period);
    }

    @AsksFirst(
            value =
                    "Delete this price rule? Closed invoices keep their prices; the next sync of an open month bills its"
                            + " lines without it.",
            answer = "Delete the price rule")
    @PostMapping("/price-rules/{uuid}/delete")
    String delete(
            @PathVariable String uuid, @RequestParam(required = false) String month, RedirectAttributes redirect) {
        UUID id = Filters.uuid("uuid", uuid);
        YearMonth period = Filters.period("month", month);
        PriceRule rule = rules.get(id);
        rules.delete(id);
        redirect.addFlashAttribute(
                "flash",
                "Price rule deleted. Closed invoices keep their prices; the next sync of an open month bills its lines"
                        + " without it (re-price the month to correct them now).");
        return margins(rule.settingsUuid(), period);
    }

    /** The margins page of the settings, at the month the operator came from (none: the page's own default). */
    private static String margins(UUID settingsUuid, YearMonth period) {
        return "redirect:/margins?settings=" + Uuids.hex(settingsUuid) + (period == null ? "" : "&month=" + period);
    }

    private String form(Settings owner, YearMonth period, PriceRule rule, RuleDraft draft, Model model) {
        model.addAttribute("settings", owner);
        model.addAttribute("period", period);
        model.addAttribute("rule", rule);
        model.addAttribute("form", draft);
        model.addAttribute("mappings", mappings.active(owner));
        return "console/price-rule";
    }
}
