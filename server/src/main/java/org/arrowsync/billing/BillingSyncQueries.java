package org.arrowsync.billing;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageRequest;
import org.arrowsync.shared.SqlFilter;
import org.springframework.stereotype.Service;

/**
 * The read side of billing syncs: a page of syncs with all their items costs three statements, whatever the page size.
 */
@Service
class BillingSyncQueries {

    private final BillingSyncRepository syncs;
    private final BillingSyncItemRepository items;

    BillingSyncQueries(BillingSyncRepository syncs, BillingSyncItemRepository items) {
        this.syncs = syncs;
        this.items = items;
    }

    Listing<SyncWithItems> list(SyncFilter filter, PageRequest page) {
        SqlFilter sql = new SqlFilter()
                .eq("m.uuid", filter.mappingUuid())
                .eq("s.uuid", filter.settingsUuid())
                .icontains("b.statement_reference", filter.statementReference())
                .eq(
                        "b.report_period",
                        filter.reportPeriod() == null
                                ? null
                                : filter.reportPeriod().toString())
                .atLeast(
                        "b.report_period",
                        filter.from() == null ? null : filter.from().toString())
                .atMost(
                        "b.report_period",
                        filter.to() == null ? null : filter.to().toString())
                .eq("b.state", filter.state())
                .iexact("b.arrow_state", filter.arrowState());
        List<BillingSync> found = syncs.page(sql, page);
        Map<Long, List<BillingSyncItem>> byId = items
                .ofSyncs(found.stream().map(BillingSync::id).toList())
                .stream()
                .collect(Collectors.groupingBy(BillingSyncItem::syncId));
        return Listing.of(
                found.stream()
                        .map(sync -> new SyncWithItems(sync, byId.getOrDefault(sync.id(), List.of())))
                        .toList(),
                syncs.count(sql),
                page);
    }

    SyncWithItems get(UUID uuid) {
        BillingSync sync = syncs.find(uuid).orElseThrow(NotFound::new);
        return new SyncWithItems(sync, items.ofSyncs(List.of(sync.id())));
    }

    Listing<BillingSyncItem> items(ItemFilter filter, PageRequest page) {
        SqlFilter sql = new SqlFilter()
                .eq("b.uuid", filter.syncUuid())
                .eq("b.report_period", filter.reportPeriod())
                .icontains("t.vendor_name", filter.vendorName())
                .eq("t.classification", filter.classification())
                .icontains("t.subscription_reference", filter.subscriptionReference())
                .icontains("t.arrow_line_reference", filter.lineReference());
        if (filter.hasCompensation() != null) {
            sql.where(
                    filter.hasCompensation() ? "t.compensation_item_id is not null" : "t.compensation_item_id is null");
        }
        return Listing.of(items.page(sql, page), items.count(sql), page);
    }

    BillingSyncItem item(UUID uuid) {
        return items.page(new SqlFilter().eq("t.uuid", uuid), new PageRequest(1, 1)).stream()
                .findFirst()
                .orElseThrow(NotFound::new);
    }

    record SyncWithItems(BillingSync sync, List<BillingSyncItem> items) {}

    record SyncFilter(
            UUID mappingUuid,
            UUID settingsUuid,
            String statementReference,
            YearMonth reportPeriod,
            YearMonth from,
            YearMonth to,
            Integer state,
            String arrowState) {}

    record ItemFilter(
            UUID syncUuid,
            String reportPeriod,
            String vendorName,
            String classification,
            String subscriptionReference,
            String lineReference,
            Boolean hasCompensation) {}
}
