package org.arrowsync.mappings;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.arrowclient.ConsumptionReport;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.ledger.Resource;
import org.arrowsync.ledger.ResourceService;
import org.arrowsync.settings.Settings;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Money;
import org.arrowsync.shared.Uuids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What Arrow reports for one mapped customer in the current month: its billing-export lines and the consumption of its
 * linked licenses (D12: {@code attributes.arrow_license_reference}). Arrow failures are reported in the body, not as an
 * error.
 */
@Service
class ArrowDataFetch {

    private static final Logger log = LoggerFactory.getLogger(ArrowDataFetch.class);

    private final CustomerMappingService mappings;
    private final SettingsService settings;
    private final ArrowClients clients;
    private final ResourceService resources;
    private final Clock clock;

    ArrowDataFetch(
            CustomerMappingService mappings,
            SettingsService settings,
            ArrowClients clients,
            ResourceService resources,
            Clock clock) {
        this.mappings = mappings;
        this.settings = settings;
        this.clients = clients;
        this.resources = resources;
        this.clock = clock;
    }

    FetchCustomerArrowDataResponse fetch(UUID mappingUuid) {
        CustomerMapping stored = mappings.get(mappingUuid);
        Settings owner = settings.named(stored.settingsUuid());
        ArrowClient client = clients.connect(owner.connection());
        CustomerMapping mapping = knowingRef(stored, client);
        YearMonth period = YearMonth.now(clock);
        List<ArrowBillingLine> billing = new ArrayList<>();
        boolean billingAvailable = false;
        String exportError = null;
        if (owner.hasExportTemplate()) {
            try {
                ExportQuery query = ExportQuery.forPeriod(owner.exportTypeReference(), period)
                        .withCustomerXspRefs(List.of(mapping.arrowReference()));
                // the customer's lines as a sync matches them (D13, D24, D279)
                MappingIndex own = new MappingIndex(List.of(mapping));
                client.forEachExportPage(
                        query,
                        page -> page.rows().stream()
                                .map(row -> row.billingLine())
                                .filter(BillingLineResult::isValid)
                                .map(BillingLineResult::line)
                                .filter(line -> own.match(line).isPresent())
                                .map(ArrowBillingLine::of)
                                .forEach(billing::add));
                billingAvailable = true;
            } catch (ArrowException e) {
                log.warn("Could not fetch the Arrow export for mapping {}: {}", mapping.uuid(), e.getMessage());
                exportError = "Failed to fetch billing data: " + e.getMessage();
            }
        }
        List<Resource> owned = resources.ofCustomer(mapping.customerUuid());
        List<Resource> linked = owned.stream()
                .filter(resource -> !resource.licenseReference().isEmpty())
                .toList();
        List<ArrowConsumptionLine> consumption = new ArrayList<>();
        String error = exportError;
        int matched = 0;
        for (Resource resource : linked) {
            try {
                ConsumptionReport report = client.monthlyConsumption(resource.licenseReference(), period, period);
                consumption.add(new ArrowConsumptionLine(
                        resource.licenseReference(),
                        resource.name(),
                        Uuids.hex(resource.uuid()),
                        period.toString(),
                        Money.summary(report.sellTotal()),
                        Money.summary(report.buyTotal()),
                        null));
                matched++;
            } catch (ArrowException e) {
                consumption.add(new ArrowConsumptionLine(
                        resource.licenseReference(),
                        resource.name(),
                        Uuids.hex(resource.uuid()),
                        period.toString(),
                        null,
                        null,
                        e.getMessage()));
                error = error != null ? error : "Failed to fetch consumption data: " + e.getMessage();
            }
        }
        return new FetchCustomerArrowDataResponse(
                Uuids.hex(mapping.uuid()),
                mapping.arrowReference(),
                mapping.arrowCompanyName(),
                mapping.customerName(),
                period.toString(),
                billingAvailable,
                billing,
                total(billing, ArrowBillingLine::sellPrice),
                total(billing, ArrowBillingLine::buyPrice),
                consumption,
                total(consumption, ArrowConsumptionLine::sellPrice),
                total(consumption, ArrowConsumptionLine::buyPrice),
                owned.size(),
                linked.size(),
                matched,
                error);
    }

    /** The mapping knowing its customer's Ref where Arrow can say it, else as it is (the name then decides). */
    private CustomerMapping knowingRef(CustomerMapping mapping, ArrowClient client) {
        try {
            return mappings.knowingCustomerRefs(List.of(mapping), client).get(0);
        } catch (ArrowException e) {
            log.warn("Could not read Arrow's customers for mapping {}: {}", mapping.uuid(), e.getMessage());
            return mapping;
        }
    }

    private static <T> BigDecimal total(List<T> lines, Function<T, BigDecimal> amount) {
        List<BigDecimal> amounts =
                lines.stream().map(amount).filter(value -> value != null).toList();
        return amounts.isEmpty() ? null : Money.summary(amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    record ArrowBillingLine(
            String vendorName,
            String subscriptionReference,
            String licenseReference,
            String offerSku,
            String classification,
            @Schema(nullable = true) BigDecimal quantity,
            @Schema(nullable = true) BigDecimal sellPrice,
            @Schema(nullable = true) BigDecimal buyPrice) {

        static ArrowBillingLine of(BillingLine line) {
            return new ArrowBillingLine(
                    orEmpty(line.vendor()),
                    orEmpty(line.vendorSubscriptionId()),
                    orEmpty(line.licenseReference()),
                    orEmpty(line.arrowSku()),
                    orEmpty(line.classification()),
                    line.quantity() == null ? null : line.quantity().setScale(4, RoundingMode.HALF_UP),
                    Money.summary(line.sellTotal()),
                    Money.summary(line.buyTotal()));
        }
    }

    record ArrowConsumptionLine(
            String licenseReference,
            @Schema(nullable = true) String resourceName,
            @Schema(nullable = true) String resourceUuid,
            String period,
            @Schema(nullable = true) BigDecimal sellPrice,
            @Schema(nullable = true) BigDecimal buyPrice,
            @Schema(nullable = true) String error) {}

    record FetchCustomerArrowDataResponse(
            String customerMappingUuid,
            String arrowReference,
            String arrowCompanyName,
            String waldurCustomerName,
            String period,
            boolean billingAvailable,
            List<ArrowBillingLine> billingLines,
            @Schema(nullable = true) BigDecimal billingTotalSell,
            @Schema(nullable = true) BigDecimal billingTotalBuy,
            List<ArrowConsumptionLine> consumptionLines,
            @Schema(nullable = true) BigDecimal consumptionTotalSell,
            @Schema(nullable = true) BigDecimal consumptionTotalBuy,
            int totalCustomerResources,
            int resourcesWithBackendId,
            int matchedResources,
            @Schema(nullable = true) String error) {}
}
