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
    String FORCE = "force";

    JobKind kind();

    /** Narrows the coalescing key beyond settings, kind and period, so a narrower run does not join a wider one. */
    String scope();

    ObjectNode json();

    static JobParameters read(JobKind kind, JsonNode json) {
        return switch (kind) {
            case BILLING_SYNC -> new BillingSync(uuid(json));
            case BILLING_RECONCILIATION ->
                new BillingReconciliation(json.path(FORCE).asBoolean(false));
            case BILLING_VALIDATION -> new BillingValidation();
            case CONSUMPTION_SYNC -> new ConsumptionSync(uuid(json));
            case CONSUMPTION_RECONCILIATION ->
                new ConsumptionFinalisation(json.path(FORCE).asBoolean(false));
        };
    }

    private static UUID uuid(JsonNode json) {
        JsonNode value = json.get(RESOURCE_UUID);
        return value == null || value.isNull()
                ? null
                : Uuids.parse(value.asString()).orElse(null);
    }

    /** A month's billing sync, of one resource's license when {@code resourceUuid} is given. */
    record BillingSync(UUID resourceUuid) implements JobParameters {

        @Override
        public JobKind kind() {
            return JobKind.BILLING_SYNC;
        }

        @Override
        public String scope() {
            return Uuids.hex(resourceUuid);
        }

        @Override
        public ObjectNode json() {
            return JsonNodeFactory.instance.objectNode().put(RESOURCE_UUID, Uuids.hex(resourceUuid));
        }
    }

    /** A month's billing reconciliation; {@code force} reconciles syncs already reconciled again. */
    record BillingReconciliation(boolean force) implements JobParameters {

        @Override
        public JobKind kind() {
            return JobKind.BILLING_RECONCILIATION;
        }

        @Override
        public String scope() {
            return null;
        }

        @Override
        public ObjectNode json() {
            return JsonNodeFactory.instance.objectNode().put(FORCE, force);
        }
    }

    /** The validation check of every month of the settings not validated yet. */
    record BillingValidation() implements JobParameters {

        @Override
        public JobKind kind() {
            return JobKind.BILLING_VALIDATION;
        }

        @Override
        public String scope() {
            return null;
        }

        @Override
        public ObjectNode json() {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /** A month's consumption sync, of one resource when {@code resourceUuid} is given. */
    record ConsumptionSync(UUID resourceUuid) implements JobParameters {

        @Override
        public JobKind kind() {
            return JobKind.CONSUMPTION_SYNC;
        }

        @Override
        public String scope() {
            return Uuids.hex(resourceUuid);
        }

        @Override
        public ObjectNode json() {
            return JsonNodeFactory.instance.objectNode().put(RESOURCE_UUID, Uuids.hex(resourceUuid));
        }
    }

    /** A month's consumption finalisation against the export; {@code force} re-checks finalised records too. */
    record ConsumptionFinalisation(boolean force) implements JobParameters {

        @Override
        public JobKind kind() {
            return JobKind.CONSUMPTION_RECONCILIATION;
        }

        @Override
        public String scope() {
            return force ? FORCE : null;
        }

        @Override
        public ObjectNode json() {
            return JsonNodeFactory.instance.objectNode().put(FORCE, force);
        }
    }
}
