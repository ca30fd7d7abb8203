package org.arrowsync.jobs;

import java.util.UUID;
import org.arrowsync.shared.Uuids;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a job needs beyond its settings and month: one record per job kind. They are the job's JSON parameters, written
 * by {@link #json()} and read back by {@link #read}, and nowhere else.
 */
sealed interface JobParameters {

    String RESOURCE_UUID = "resource_uuid";
    String CUSTOMER_UUID = "customer_uuid";
    String FORCE = "force";
    String PLAN = "plan";

    JobKind kind();

    ObjectNode json();

    /** Narrows the coalescing key beyond settings, kind and period, so a narrower run does not join a wider one. */
    default String scope() {
        return null;
    }

    static JobParameters read(JobKind kind, JsonNode json) {
        return switch (kind) {
            case BILLING_SYNC -> new BillingSync(uuid(json, RESOURCE_UUID));
            case BILLING_RECONCILIATION ->
                new BillingReconciliation(json.path(FORCE).asBoolean(false));
            case BILLING_VALIDATION -> new BillingValidation();
            case CONSUMPTION_SYNC -> new ConsumptionSync(uuid(json, RESOURCE_UUID));
            case CONSUMPTION_RECONCILIATION ->
                new ConsumptionFinalisation(json.path(FORCE).asBoolean(false));
            case REPRICE ->
                new Reprice(uuid(json, CUSTOMER_UUID), json.path(PLAN).asString(null));
        };
    }

    private static UUID uuid(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull()
                ? null
                : Uuids.parse(value.asString()).orElse(null);
    }

    /** The kinds of run that may be limited to one resource's license; a limited run does not join a full one. */
    sealed interface OfResource extends JobParameters {

        UUID resourceUuid();

        @Override
        default String scope() {
            return Uuids.hex(resourceUuid());
        }

        @Override
        default ObjectNode json() {
            return JsonNodeFactory.instance.objectNode().put(RESOURCE_UUID, Uuids.hex(resourceUuid()));
        }
    }

    /**
     * The kinds of run that may redo what is already reconciled or finalised. A forced run does not join a plain one:
     * it does more, and an operator's {@code force} would be lost.
     */
    sealed interface Forcible extends JobParameters {

        boolean force();

        @Override
        default String scope() {
            return force() ? FORCE : null;
        }

        @Override
        default ObjectNode json() {
            return JsonNodeFactory.instance.objectNode().put(FORCE, force());
        }
    }

    /** A month's billing sync, of one resource's license when {@code resourceUuid} is given. */
    record BillingSync(UUID resourceUuid) implements OfResource {

        @Override
        public JobKind kind() {
            return JobKind.BILLING_SYNC;
        }
    }

    /** A month's billing reconciliation; {@code force} also takes syncs not validated yet. */
    record BillingReconciliation(boolean force) implements Forcible {

        @Override
        public JobKind kind() {
            return JobKind.BILLING_RECONCILIATION;
        }
    }

    /** The validation check of every month of the settings not validated yet. */
    record BillingValidation() implements JobParameters {

        @Override
        public JobKind kind() {
            return JobKind.BILLING_VALIDATION;
        }

        @Override
        public ObjectNode json() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /** A month's consumption sync, of one resource when {@code resourceUuid} is given. */
    record ConsumptionSync(UUID resourceUuid) implements OfResource {

        @Override
        public JobKind kind() {
            return JobKind.CONSUMPTION_SYNC;
        }
    }

    /**
     * A confirmed re-pricing of a month under the price rules, of one customer when {@code customerUuid} is given; a
     * re-pricing of one customer does not join one of all. A confirmation from a preview carries its {@code plan},
     * which the run books only as it is (D203).
     */
    record Reprice(UUID customerUuid, String plan) implements JobParameters {

        @Override
        public JobKind kind() {
            return JobKind.REPRICE;
        }

        @Override
        public ObjectNode json() {
            ObjectNode json = JsonNodeFactory.instance.objectNode().put(CUSTOMER_UUID, Uuids.hex(customerUuid));
            return plan == null ? json : json.put(PLAN, plan);
        }

        @Override
        public String scope() {
            return Uuids.hex(customerUuid);
        }
    }

    /** A month's consumption finalisation against the export; {@code force} re-checks finalised records too. */
    record ConsumptionFinalisation(boolean force) implements Forcible {

        @Override
        public JobKind kind() {
            return JobKind.CONSUMPTION_RECONCILIATION;
        }
    }
}
