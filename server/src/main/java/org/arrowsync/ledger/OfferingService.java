package org.arrowsync.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.arrowsync.ledger.Offering.Component;
import org.arrowsync.shared.FieldErrors;
import org.arrowsync.shared.InvalidInput;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OfferingService {

    static final List<String> BILLING_TYPES = List.of("fixed", "usage", "one", "few", "limit");

    /** Waldur's offering states; a new offering is Active unless the request says otherwise. */
    static final List<String> STATES = List.of("Draft", "Active", "Paused", "Archived");

    static final String PLAN_OF_ANOTHER_OFFERING = "Plan must belong to the selected offering.";

    private final OfferingRepository offerings;
    private final Clock clock;

    OfferingService(OfferingRepository offerings, Clock clock) {
        this.offerings = offerings;
        this.clock = clock;
    }

    public Offering get(UUID uuid) {
        return offerings.find(uuid).orElseThrow(NotFound::new);
    }

    public Optional<Offering> find(UUID uuid) {
        return offerings.find(uuid);
    }

    /** The offering a request names. */
    public Offering named(UUID uuid) {
        return offerings.find(uuid).orElseThrow(() -> new OfferingNotFound(uuid));
    }

    /**
     * The id of the plan a request names for {@code offering}, or null when it names none. A plan that does not exist
     * is the {@code plan} field's "does not exist", as DRF checks each related field alone; an existing plan of another
     * offering is Waldur's "must belong" (checked only when the offering exists).
     */
    public Long planOf(Offering offering, UUID planUuid, FieldErrors errors) {
        if (planUuid == null) {
            return null;
        }
        Optional<Offering.Plan> own = offering == null ? Optional.empty() : offering.plan(planUuid);
        if (own.isPresent()) {
            return own.get().id();
        }
        if (!offerings.planExists(planUuid)) {
            errors.add("plan", InvalidInput.DOES_NOT_EXIST);
        } else if (offering != null) {
            errors.add("plan", PLAN_OF_ANOTHER_OFFERING);
        }
        return null;
    }

    /** The first offering (by name) whose name contains {@code text}, case-insensitively. */
    public Optional<Offering> findByName(String text) {
        return offerings.firstNamed(text);
    }

    public Listing<Offering> list(OfferingFilter filter, PageRequest page) {
        return offerings.list(filter, page);
    }

    @Transactional
    public Offering create(NewOffering offering) {
        validate(offering);
        UUID uuid = UUID.randomUUID();
        Instant now = clock.instant();
        long id = offerings.insert(uuid, offering.name(), offering.type(), offering.state(), now);
        offering.components().forEach(component -> offerings.insertComponent(id, component));
        offering.planNames().forEach(plan -> offerings.insertPlan(id, plan, now));
        return get(uuid);
    }

    private static void validate(NewOffering offering) {
        FieldErrors errors = new FieldErrors();
        errors.requiredText("name", offering.name(), 150);
        errors.requiredText("type", offering.type(), 100);
        if (errors.required("state", offering.state())) {
            errors.oneOf("state", offering.state(), STATES);
        }
        for (int i = 0; i < offering.components().size(); i++) {
            Component component = offering.components().get(i);
            String prefix = "components." + i + ".";
            errors.required(prefix + "type", component.type());
            errors.required(prefix + "name", component.name());
            if (errors.required(prefix + "billing_type", component.billingType())) {
                errors.oneOf(prefix + "billing_type", component.billingType(), BILLING_TYPES);
            }
        }
        if (offering.components().stream().map(Component::type).distinct().count()
                != offering.components().size()) {
            errors.add("components", "Component types must be unique.");
        }
        for (int i = 0; i < offering.planNames().size(); i++) {
            errors.required("plans." + i + ".name", offering.planNames().get(i));
        }
        errors.throwIfAny();
    }

    public record NewOffering(
            String name, String type, String state, List<Component> components, List<String> planNames) {}

    /** The list filters of the offerings API: a name fragment and the exact type. */
    public record OfferingFilter(String name, String type) {}
}
