package org.arrowsync.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison must see what differs, or the contract test proves nothing. */
class DocumentComparisonTests {

    @Test
    void theContractDescribesItselfAlike() {
        assertThat(DocumentComparison.differences(Contract.document(), Contract.freshDocument()))
                .isEmpty();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void reportsEachKindOfDifferenceUnderItsSchemaOrOperation() {
        OpenAPI changed = Contract.freshDocument();
        Schema sync = changed.getComponents().getSchemas().get("ArrowBillingSync");
        ((Schema) sync.getProperties().get("invoice_uuid")).setNullable(true);
        ((Schema) sync.getProperties().get("synced_at")).setFormat(null);
        sync.getProperties().remove("currency");
        changed.getComponents()
                .getSchemas()
                .get("TriggerSyncRequestRequest")
                .getRequired()
                .remove("year");
        changed.getPaths()
                .get("/api/admin/arrow/billing-syncs/trigger_sync/")
                .getPost()
                .getResponses()
                .remove("202");
        changed.getPaths()
                .get("/api/admin/arrow/settings/")
                .getGet()
                .addParametersItem(new Parameter().in("query").name("ordering"));
        changed.getPaths().get("/api/admin/arrow/settings/{uuid}/").setDelete(null);
        changed.getPaths().get("/api/admin/arrow/customer-mappings/").getGet().getParameters().stream()
                .filter(parameter -> "is_active".equals(parameter.getName()))
                .findFirst()
                .orElseThrow()
                .setSchema(new StringSchema());
        changed.getPaths().get("/api/admin/arrow/billing-sync-items/").getGet().setTags(List.of("Billing"));
        Collections.reverse(
                changed.getPaths().get("/api/admin/arrow/settings/").getHead().getParameters());
        Schema settings = changed.getComponents().getSchemas().get("ArrowSettings");
        settings.getProperties().put("invoice_price_source", new StringSchema()._enum(List.of("sell", "buy")));
        Schema summary = changed.getComponents().getSchemas().get("CustomerBillingSummaryResponse");
        ((Schema) summary.getProperties().get("recent_billing_syncs"))
                .getItems()
                .set$ref("#/components/schemas/ArrowBillingSync");

        assertThat(DocumentComparison.differences(Contract.document(), changed))
                .contains(
                        "ArrowBillingSync.invoice_uuid: nullable false, served true",
                        "ArrowBillingSync.synced_at: format date-time, served null",
                        "ArrowBillingSync.currency: not served",
                        "TriggerSyncRequestRequest.year: required true, served false",
                        "admin_arrow_billing_syncs_trigger_sync: status [202], served []",
                        "admin_arrow_settings_list: parameters not in the contract [ordering (in query)]",
                        "admin_arrow_settings_destroy: not served (DELETE /api/admin/arrow/settings/{uuid}/)",
                        "admin_arrow_customer_mappings_list: parameters not in the contract [is_active (in query,"
                                + " string)]",
                        "admin_arrow_customer_mappings_list: parameters not served [is_active (in query, boolean)]",
                        "admin_arrow_billing_sync_items_list: first tag admin, served Billing",
                        "admin_arrow_settings_count: parameters in the order [is_active, page, page_size,"
                                + " sync_enabled], served [sync_enabled, page_size, page, is_active]",
                        "ArrowSettings.invoice_price_source: named InvoicePriceSourceEnum, served unnamed",
                        "CustomerBillingSummaryResponse.recent_billing_syncs[]: named"
                                + " CustomerBillingSummaryBillingSync, served ArrowBillingSync");
    }
}
