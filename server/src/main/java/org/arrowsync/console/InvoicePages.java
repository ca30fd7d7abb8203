package org.arrowsync.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.arrowsync.ledger.CustomerService;
import org.arrowsync.ledger.Invoice;
import org.arrowsync.ledger.InvoiceService;
import org.arrowsync.ledger.InvoiceService.InvoiceFilter;
import org.arrowsync.ledger.InvoiceState;
import org.arrowsync.shared.Filters;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Invoices per customer and month: their items and totals, and moving them on (pending → created → paid). */
@Controller
class InvoicePages {

    static final int PAGE_SIZE = 20;

    private final InvoiceService invoices;
    private final CustomerService customers;
    private final OperatorCustomerField customerField;

    InvoicePages(InvoiceService invoices, CustomerService customers, OperatorCustomerField customerField) {
        this.invoices = invoices;
        this.customers = customers;
        this.customerField = customerField;
    }

    @GetMapping("/invoices")
    String list(
            @RequestParam(name = "customer", required = false) String customer,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        // its uuid, or its name typed whole (D306): a reseller's customers are more than its list offers
        OperatorCustomerField.Choice chosen = customerField.choose(customer);
        var customerUuid = chosen.uuid();
        var period = Filters.period("month", month);
        String stateFilter = Filters.choice("state", state, InvoiceState.values(), InvoiceState::value);
        PageRequest shown = new PageRequest(Math.max(1, page), PAGE_SIZE);
        if (chosen.refusal() != null) {
            // a name none or two customers have: said beside the field, as typed, and no list
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", Map.of("customer", List.of(chosen.refusal())));
            model.addAttribute("invoices", Listing.of(List.of(), 0, shown));
        } else {
            model.addAttribute(
                    "invoices",
                    invoices.list(
                            new InvoiceFilter(
                                    customerUuid,
                                    period == null ? null : period.getYear(),
                                    period == null ? null : period.getMonthValue(),
                                    stateFilter),
                            shown));
        }
        model.addAttribute(
                "customers",
                customers
                        .list(null, null, new PageRequest(1, PageRequest.MAX_SIZE))
                        .items());
        model.addAttribute("customer", chosen.refusal() != null ? chosen.typed() : customerField.shown(customerUuid));
        model.addAttribute("month", period);
        model.addAttribute("state", stateFilter);
        model.addAttribute(
                "query",
                ListAddress.of("/invoices")
                        .with("customer", customerUuid == null ? null : Uuids.hex(customerUuid))
                        .with("month", period)
                        .with("state", stateFilter)
                        .forPager());
        return "console/invoices";
    }

    @GetMapping("/invoices/{uuid}")
    String invoice(@PathVariable String uuid, Model model) {
        model.addAttribute("statement", invoices.get(Filters.uuid("uuid", uuid)));
        return "console/invoice";
    }

    /**
     * Moves the invoice to another state; the invoice's own state machine refuses what it does not allow. {@code from},
     * the state the page showed: an invoice moved since (another tab, another operator) is left as it is, since a
     * canceled month is never billed again (D163). Canceling is asked again unless {@code confirmed}: the page's script
     * confirms it before it sends the form, and without JavaScript the page comes back asking.
     */
    @PostMapping("/invoices/{uuid}/state")
    String setState(
            @PathVariable String uuid,
            @RequestParam String state,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String confirmed,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        var id = Filters.uuid("uuid", uuid);
        if (InvoiceState.CANCELED.value().equals(state) && !"true".equals(confirmed)) {
            var shown = invoices.get(id);
            if (shown.invoice().state() != InvoiceState.CANCELED) {
                model.addAttribute("statement", shown);
                model.addAttribute("askToCancel", true);
                model.addAttribute("cancelFrom", from);
                return "console/invoice";
            }
        }
        try {
            Invoice moved = invoices.setState(id, state, from);
            redirect.addFlashAttribute(
                    "flash", "The invoice is " + moved.state().value() + " now.");
        } catch (InvalidInput e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("statement", invoices.get(id));
            model.addAttribute("errors", e.errors());
            return "console/invoice";
        }
        return "redirect:/invoices/" + Uuids.hex(id);
    }
}
