package org.arrowsync.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A marketplace offering that resources are provisioned from, with its accounting components and plans. */
public record Offering(
        long id,
        UUID uuid,
        String name,
        String type,
        String state,
        List<Component> components,
        List<Plan> plans,
        Instant created) {

    public Optional<Plan> plan(UUID planUuid) {
        return plans.stream().filter(plan -> plan.uuid().equals(planUuid)).findFirst();
    }

    public record Component(String type, String name, String billingType, String measuredUnit) {}

    public record Plan(long id, UUID uuid, String name) {}
}
