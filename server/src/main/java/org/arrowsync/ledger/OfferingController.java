package org.arrowsync.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.arrowsync.ledger.Offering.Component;
import org.arrowsync.ledger.OfferingService.NewOffering;
import org.arrowsync.shared.ApiUrls;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.Uuids;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Ledger")
@RestController
@RequestMapping("/api/marketplace-public-offerings/")
class OfferingController {

    static final String COLLECTION = "marketplace-public-offerings";

    private final OfferingService offerings;

    OfferingController(OfferingService offerings) {
        this.offerings = offerings;
    }

    @GetMapping
    @Operation(summary = "List offerings with their plans and components")
    Listing<OfferingView> list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String type,
            PageRequest page) {
        return offerings
                .list(new OfferingService.OfferingFilter(name, type), page)
                .map(OfferingView::of);
    }

    @GetMapping("{uuid}/")
    @Operation(summary = "Retrieve an offering")
    OfferingView get(@PathVariable String uuid) {
        return OfferingView.of(offerings.get(Uuids.fromPath(uuid)));
    }

    /** The offering's plans, as Waldur's UI asks for them to pick a vendor mapping's plan: a plain list. */
    @GetMapping("{uuid}/plans/")
    @Operation(summary = "List an offering's plans")
    List<PlanView> plans(@PathVariable String uuid) {
        return offerings.get(Uuids.fromPath(uuid)).plans().stream()
                .map(PlanView::of)
                .toList();
    }

    @PostMapping
    @Operation(summary = "Create an offering with its plans and components")
    @ResponseStatus(HttpStatus.CREATED)
    OfferingView create(@RequestBody OfferingForm form) {
        List<Component> components = form.components() == null
                ? List.of()
                : form.components().stream()
                        .map(c -> new Component(
                                c.type(), c.name(), c.billingType(), c.measuredUnit() == null ? "" : c.measuredUnit()))
                        .toList();
        List<String> plans = form.plans() == null
                ? List.of()
                : form.plans().stream().map(PlanForm::name).toList();
        return OfferingView.of(offerings.create(new NewOffering(
                form.name(),
                form.type() == null ? "Marketplace.Basic" : form.type(),
                form.state() == null ? "Active" : form.state(),
                components,
                plans)));
    }

    record OfferingForm(String name, String type, String state, List<ComponentForm> components, List<PlanForm> plans) {}

    record ComponentForm(String type, String name, String billingType, String measuredUnit) {}

    record PlanForm(String name) {}

    record OfferingView(
            String url,
            String uuid,
            String name,
            String type,
            String state,
            List<ComponentView> components,
            List<PlanView> plans,
            Instant created) {

        static OfferingView of(Offering offering) {
            return new OfferingView(
                    ApiUrls.of(COLLECTION, offering.uuid()),
                    Uuids.hex(offering.uuid()),
                    offering.name(),
                    offering.type(),
                    offering.state(),
                    offering.components().stream()
                            .map(c -> new ComponentView(c.type(), c.name(), c.billingType(), c.measuredUnit()))
                            .toList(),
                    offering.plans().stream().map(PlanView::of).toList(),
                    offering.created());
        }
    }

    record ComponentView(String type, String name, String billingType, String measuredUnit) {}

    record PlanView(String uuid, String name) {

        static PlanView of(Offering.Plan plan) {
            return new PlanView(Uuids.hex(plan.uuid()), plan.name());
        }
    }
}
