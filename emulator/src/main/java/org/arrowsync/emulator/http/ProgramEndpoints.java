package org.arrowsync.emulator.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.arrowsync.emulator.data.Offer;

/** Catalog programs and the partner's program subscriptions (enrolments, not customer licenses). */
final class ProgramEndpoints {

    private ProgramEndpoints() {}

    static Response categories() {
        return Paging.general(List.of(Json.obj("name", "IAAS"), Json.obj("name", "SAAS")), null);
    }

    /**
     * Paged ({@code page}, {@code per_page}, {@code total_page}) with the keys of the official PHP client's fixture
     * ({@code tests/Catalog/ProgramClientTest.php}): the vendor's name is {@code name}.
     */
    static Response programs(String category, Request request) {
        List<Map<String, Object>> programs = Arrays.stream(Offer.values())
                .filter(o -> o.classification().equalsIgnoreCase(category))
                .map(o -> Json.obj(
                        "reference",
                        o.vendorName().toLowerCase(Locale.ROOT).replace(' ', '-'),
                        "name",
                        o.vendorName(),
                        "associatedSubscriptionProgram",
                        o.programCode(),
                        "category",
                        o.classification(),
                        "links",
                        Json.obj("program", "/api/catalog/categories/" + category + "/programs/" + o.programCode())))
                .distinct()
                .toList();
        Paging.Page page = Paging.snake(request, programs.size());
        return Paging.general(
                programs.subList(page.from(), page.to()),
                Paging.snakeKeys(page, "catalog/categories/" + category + "/programs"));
    }

    static Response subscriptions(Request request) {
        List<Map<String, Object>> all = subscriptionList();
        Paging.Page page = Paging.camel(request, all.size(), 100);
        return Paging.general(all.subList(page.from(), page.to()), Paging.exportKeys(page));
    }

    static Response subscription(String reference) {
        return subscriptionList().stream()
                .filter(s -> s.get("reference").equals(reference))
                .findFirst()
                .map(s -> Paging.general(s, null))
                .orElseThrow(() -> ApiError.notFound("subscription " + reference + " not found"));
    }

    private static List<Map<String, Object>> subscriptionList() {
        return List.of(
                subscription("XSPS1001", "MSCSP", "Microsoft CSP"),
                subscription("XSPS1002", "ARWS-MSS", "AWS Marketplace"));
    }

    private static Map<String, Object> subscription(String reference, String program, String label) {
        return Json.obj(
                "reference",
                reference,
                "name",
                program,
                "label",
                label,
                "status",
                "Validated",
                "dateDemand",
                "2022-01-10",
                "dateValidation",
                "2022-01-12",
                "dateEnd",
                null,
                "level",
                "MSP Plus",
                "details",
                Json.obj(
                        "MpnId",
                        "1234567",
                        "TenantId",
                        "9f0c1f8e-2e4b-4b5e-9d0a-1b2c3d4e5f60",
                        "IaasDiscountRate",
                        "0.00"));
    }
}
