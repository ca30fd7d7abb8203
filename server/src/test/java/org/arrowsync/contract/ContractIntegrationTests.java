package org.arrowsync.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Response;
import org.junit.jupiter.api.Test;

/** Our served OpenAPI document against the contract: same operation ids wherever we serve a contract path. */
class ContractIntegrationTests extends IntegrationTest {

    @Test
    void servedOperationsCarryTheContractOperationIds() {
        Response schema = api.anonymous().get("/api/schema/").expect(200);
        OpenAPI served = Contract.parse(schema.body());
        List<String> notServed = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        int matched = 0;
        for (Map.Entry<String, PathItem> path : Contract.spec().getPaths().entrySet()) {
            PathItem ours = served.getPaths() == null ? null : served.getPaths().get(path.getKey());
            Map<String, Operation> ourOperations = ours == null ? Map.of() : Contract.operations(ours);
            for (Map.Entry<String, Operation> operation :
                    Contract.operations(path.getValue()).entrySet()) {
                Operation mine = ourOperations.get(operation.getKey());
                String id = operation.getValue().getOperationId();
                if (mine == null) {
                    notServed.add(operation.getKey() + " " + path.getKey() + " (" + id + ")");
                } else if (!id.equals(mine.getOperationId())) {
                    mismatched.add(operation.getKey() + " " + path.getKey() + ": contract " + id + ", served "
                            + mine.getOperationId());
                } else {
                    matched++;
                }
            }
        }
        System.out.println("Contract operations served with matching ids: " + matched);
        System.out.println("Contract operations not yet served (" + notServed.size() + "):");
        notServed.forEach(operation -> System.out.println("  " + operation));
        assertThat(mismatched).isEmpty();
        assertThat(notServed).as("every contract operation is served").isEmpty();
        assertThat(matched).isEqualTo(62);
    }

    @Test
    void theApiDescriptionAndBrowsableDocsArePublic() {
        assertThat(api.anonymous()
                        .get("/api/schema/")
                        .expect(200)
                        .json()
                        .get("openapi")
                        .asString())
                .startsWith("3.");
        Response docs = api.anonymous().get("/api/docs/");
        assertThat(docs.status()).isIn(200, 302);
        api.anonymous().get("/health").expect(200);
    }
}
