package org.arrowsync.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.media.Schema;
import org.arrowsync.support.Api;
import org.junit.jupiter.api.Test;

/** The validator must catch what the contract forbids, or the contract test proves nothing. */
class SchemaValidatorTests {

    private static Schema<?> schema(String name) {
        return Contract.spec().getComponents().getSchemas().get(name);
    }

    @Test
    void acceptsADocumentShapedLikeTheContract() {
        String line = """
                {"vendor_name": "Microsoft", "subscription_reference": "s", "license_reference": "XSP1", "offer_sku": "sku",
                 "classification": "IAAS", "quantity": "1.0000", "sell_price": "10.00", "buy_price": null}""";
        assertThat(SchemaValidator.validate(Api.parse(line), schema("ArrowBillingLine")))
                .isEmpty();
    }

    @Test
    void reportsMissingFieldsWrongTypesAndBadPatterns() {
        String line = """
                {"vendor_name": 5, "subscription_reference": "s", "license_reference": "XSP1", "offer_sku": "sku",
                 "quantity": "1.0000", "sell_price": "10.001", "buy_price": "x"}""";
        assertThat(SchemaValidator.validate(Api.parse(line), schema("ArrowBillingLine")))
                .anyMatch(error -> error.contains("classification"))
                .anyMatch(error -> error.contains("$.vendor_name"))
                .anyMatch(error -> error.contains("$.sell_price"))
                .anyMatch(error -> error.contains("$.buy_price"));
    }
}
