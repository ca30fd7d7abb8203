package org.arrowsync.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.arrowsync.billing.MappingBillingSummaries.CustomerBillingSummaryResponse;
import org.arrowsync.shared.Uuids;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** One mapped customer's Arrow billing at a glance. */
@Tag(name = "Customer mappings")
@RestController
class BillingSummaryController {

    private final MappingBillingSummaries summaries;

    BillingSummaryController(MappingBillingSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/api/admin/arrow/customer-mappings/{uuid}/billing_summary/")
    @Operation(
            summary = "A mapped customer's billing and consumption summary",
            operationId = "admin_arrow_customer_mappings_billing_summary_retrieve")
    CustomerBillingSummaryResponse summary(@PathVariable String uuid) {
        return summaries.summary(Uuids.fromPath(uuid));
    }
}
