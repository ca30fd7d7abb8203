package org.arrowsync.billing;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.arrowsync.shared.Listing;
import org.arrowsync.shared.NotFound;
import org.arrowsync.shared.PageInParts;
import org.arrowsync.shared.PageRequest;
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

    /** A page of syncs whose items are read a part at a time as it is written (D316); map it with mapEach. */
    Listing<SyncWithItems> list(SyncFilter filter, PageRequest page) {
        return syncs.list(filter, page).mapAll(found -> {
            Map<Long, Long> counts =
                    items.itemCounts(found.stream().map(BillingSync::id).toList());
            return PageInParts.of(found, sync -> counts.getOrDefault(sync.id(), 0L), this::withItems);
        });
    }

    private List<SyncWithItems> withItems(List<BillingSync> found) {
        Map<Long, List<EmbeddedItem>> byId = items
                .embeddedIn(found.stream().map(BillingSync::id).toList())
                .stream()
                .collect(Collectors.groupingBy(EmbeddedItem::syncId));
        return found.stream()
                .map(sync -> new SyncWithItems(sync, byId.getOrDefault(sync.id(), List.of())))
                .toList();
    }

    SyncWithItems get(UUID uuid) {
        BillingSync sync = syncs.find(uuid).orElseThrow(NotFound::new);
        return new SyncWithItems(sync, items.embeddedIn(List.of(sync.id())));
    }

    Listing<BillingSyncItem> items(ItemFilter filter, PageRequest page) {
        return items.list(filter, page);
    }

    BillingSyncItem item(UUID uuid) {
        return items.find(uuid).orElseThrow(NotFound::new);
    }

    record SyncWithItems(BillingSync sync, List<EmbeddedItem> items) {}

    record SyncFilter(
            UUID mappingUuid,
            UUID settingsUuid,
            String statementReference,
            YearMonth reportPeriod,
            YearMonth from,
            YearMonth to,
            Integer state,
            String arrowState) {

        /** Whether it filters on the syncs' settings record, month and states alone: what the kept counts know. */
        boolean countKept() {
            return mappingUuid == null && (statementReference == null || statementReference.isEmpty());
        }
    }

    record ItemFilter(
            UUID syncUuid,
            String reportPeriod,
            String vendorName,
            String classification,
            String subscriptionReference,
            String lineReference,
            Boolean hasCompensation) {

        /**
         * Whether it filters on what the items' syncs hold, which sync or their month: the conditions of the item
         * list's filter that name the syncs, kept in step with it (BillingSyncItemRepository#where).
         */
        boolean namesSyncs() {
            return syncUuid != null || reportPeriod != null;
        }

        /** Whether it filters on the items' syncs, vendor and classification alone: what the kept counts know. */
        boolean countKept() {
            return (subscriptionReference == null || subscriptionReference.isEmpty())
                    && (lineReference == null || lineReference.isEmpty())
                    && hasCompensation == null;
        }
    }
}
