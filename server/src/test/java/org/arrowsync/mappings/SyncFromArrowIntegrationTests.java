package org.arrowsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code sync_from_arrow}: each active mapping takes the company name Arrow gives its customer now. */
class SyncFromArrowIntegrationTests extends IntegrationTest {

    private static final String CONTOSO = "XSP700001";

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void aMappingFollowsArrowsRenameButKeepsItsNameWhenArrowGivesNone() {
        fixture.mapAllCustomers();
        String renamed = ArrowFixture.unique("Contoso Group");
        fixture.emulator().renameCustomer(CONTOSO, renamed);

        assertThat(syncFromArrow()).isEqualTo(1);
        assertThat(companyName()).isEqualTo(renamed);

        fixture.emulator().renameCustomer(CONTOSO, "");
        assertThat(syncFromArrow()).as("no name from Arrow is no rename").isZero();
        assertThat(companyName())
                .as("the name the export's lines are matched by")
                .isEqualTo(renamed);
    }

    private int syncFromArrow() {
        return api.post(
                        "/api/admin/arrow/customer-mappings/sync_from_arrow/",
                        Map.of("settings_uuid", fixture.settings()))
                .expect(200)
                .json()
                .get("updated")
                .asInt();
    }

    private String companyName() {
        return api.get("/api/admin/arrow/customer-mappings/" + fixture.mapping(CONTOSO) + "/")
                .expect(200)
                .text("arrow_company_name");
    }
}
