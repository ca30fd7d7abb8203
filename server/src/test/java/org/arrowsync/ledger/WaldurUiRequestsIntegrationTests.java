package org.arrowsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The ledger requests Waldur's Arrow admin UI makes besides the Arrow API, as it makes them. */
class WaldurUiRequestsIntegrationTests extends IntegrationTest {

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void resourcesAreListedInAnyOfSeveralStatesAndFoundByTheSearchBox() {
        String project = fixture.project(fixture.customer());
        String offering = fixture.offering().text("uuid");
        String ok = fixture.resource(project, offering);
        String erred = fixture.resource(project, offering);
        String terminated = fixture.resource(project, offering);
        api.patch("/api/marketplace-resources/" + erred + "/", Map.of("state", "Erred", "backend_id", "XSP-UI-7"))
                .expect(200);
        api.patch("/api/marketplace-resources/" + terminated + "/", Map.of("state", "Terminated"))
                .expect(200);
        String ofProject = "/api/marketplace-resources/?project_uuid=" + project;

        // the UI's resources tab asks for the live states, each its own parameter
        assertThat(uuids(ofProject + "&state=Creating&state=OK&state=Erred&state=Updating&state=Terminating"))
                .containsExactlyInAnyOrder(ok, erred);
        assertThat(uuids(ofProject + "&state=Erred&state=OK")).containsExactlyInAnyOrder(ok, erred);
        assertThat(uuids(ofProject + "&state=Terminated")).containsExactly(terminated);
        api.get(ofProject + "&state=OK&state=Gone").expect(400);

        assertThat(uuids(ofProject + "&query=xsp-ui")).as("the backend id").containsExactly(erred);
        String name =
                api.get("/api/marketplace-resources/" + ok + "/").expect(200).text("name");
        assertThat(uuids(ofProject + "&query=" + name.substring(name.length() - 8)))
                .as("the name")
                .containsExactly(ok);
        // a parameter no filter takes several values of still takes its last, as Django's QueryDict gives it
        assertThat(uuids(ofProject + "&name=nothing-like-it&name=" + name.substring(name.length() - 8)))
                .containsExactly(ok);
    }

    @Test
    void aResourcesBackendIdIsSetAsWaldursActionSetsIt() {
        String resource = fixture.resource(
                fixture.project(fixture.customer()), fixture.offering().text("uuid"));
        String action = "/api/marketplace-resources/" + resource + "/set_backend_id/";

        assertThat(api.post(action, Map.of("backend_id", "XSP-SET-1"))
                        .expect(200)
                        .text("status"))
                .isEqualTo("Resource backend_id has been changed.");
        assertThat(api.get("/api/marketplace-resources/" + resource + "/")
                        .expect(200)
                        .text("backend_id"))
                .isEqualTo("XSP-SET-1");
        assertThat(api.post(action, Map.of("backend_id", "XSP-SET-1"))
                        .expect(200)
                        .text("status"))
                .isEqualTo("Resource backend_id is not changed.");
        assertThat(api.post(action, Map.of("backend_id", "")).expect(200).text("status"))
                .as("a blank backend id clears it, as Waldur's model field allows")
                .isEqualTo("Resource backend_id has been changed.");
        assertThat(api.get("/api/marketplace-resources/" + resource + "/")
                        .expect(200)
                        .text("backend_id"))
                .isEmpty();
        assertThat(api.post(action, Map.of())
                        .expect(400)
                        .json()
                        .get("backend_id")
                        .get(0)
                        .asString())
                .isEqualTo("This field is required.");
    }

    /**
     * D270: Waldur's Arrow UI links a license by setting a resource's backend id to it. On a resource of an offering an
     * Arrow vendor is mapped to, and on one linked before, the license follows; on the resource sync's, whose backend
     * id is Arrow's vendor subscription id, it stays.
     */
    @Test
    void aBackendIdSetOnAnArrowResourceLinksItsLicense() {
        String project = fixture.project(fixture.customer());
        String offering = fixture.offering().text("uuid");
        api.post(
                        "/api/admin/arrow/vendor-offering-mappings/",
                        Map.of(
                                "settings",
                                fixture.settings(),
                                "arrow_vendor_name",
                                ArrowFixture.unique("Vendor"),
                                "offering",
                                offering))
                .expect(201);
        String unlinked = fixture.resource(project, offering);
        String synced = syncedResource(project, offering, "SUB-UI-1", "XSP-UI-SYNCED");
        String syncedWithoutLicense = syncedResource(project, offering, "SUB-UI-3", "");

        setBackendId(unlinked, "XSP-UI-LINK-1");
        assertThat(license(unlinked)).as("linked as the UI says").isEqualTo("XSP-UI-LINK-1");
        setBackendId(unlinked, "XSP-UI-LINK-2");
        assertThat(license(unlinked)).as("a link corrected").isEqualTo("XSP-UI-LINK-2");
        setBackendId(synced, "SUB-UI-2");
        assertThat(license(synced)).as("a vendor subscription id is no license").isEqualTo("XSP-UI-SYNCED");
        setBackendId(syncedWithoutLicense, "SUB-UI-4");
        assertThat(license(syncedWithoutLicense))
                .as("nor is it for a line that named no license")
                .isEmpty();
    }

    /** A resource as the resource sync creates it: Arrow's vendor subscription id its backend id (D14). */
    private String syncedResource(String project, String offering, String subscription, String license) {
        return api.post(
                        "/api/marketplace-resources/",
                        Map.of(
                                "name",
                                ArrowFixture.unique("Synced"),
                                "project",
                                project,
                                "offering",
                                offering,
                                "backend_id",
                                subscription,
                                "attributes",
                                Map.of("arrow_license_reference", license, "arrow_subscription_id", subscription)))
                .expect(201)
                .text("uuid");
    }

    private void setBackendId(String resource, String backendId) {
        api.post("/api/marketplace-resources/" + resource + "/set_backend_id/", Map.of("backend_id", backendId))
                .expect(200);
        assertThat(api.get("/api/marketplace-resources/" + resource + "/")
                        .expect(200)
                        .text("backend_id"))
                .isEqualTo(backendId);
    }

    private String license(String resource) {
        return api.get("/api/marketplace-resources/" + resource + "/")
                .expect(200)
                .json()
                .path("attributes")
                .path("arrow_license_reference")
                .asString("");
    }

    @Test
    void projectsAreNarrowedToTheCustomerTheImportWizardNames() {
        String customer = fixture.customer();
        String project = fixture.project(customer);
        fixture.project(fixture.customer());

        assertThat(uuids("/api/projects/?customer=" + customer)).containsExactly(project);
        assertThat(uuids("/api/projects/?customer=http://host/api/customers/" + customer + "/"))
                .containsExactly(project);
    }

    @Test
    void customersAreFoundByTheSearchBoxInNameOrAbbreviation() {
        String name = ArrowFixture.unique("Searchable");
        String customer = fixture.customer(name);
        String abbreviation = "ZQ" + Integer.toHexString(name.hashCode()); // at most 12 characters
        api.patch("/api/customers/" + customer + "/", Map.of("abbreviation", abbreviation))
                .expect(200);

        assertThat(uuids("/api/customers/?query=" + name.substring(name.length() - 8)))
                .containsExactly(customer);
        assertThat(uuids("/api/customers/?query=" + abbreviation.toLowerCase(Locale.ROOT)))
                .containsExactly(customer);
    }

    @Test
    void anOfferingsPlansAreListedForTheVendorMappingsPlanPicker() {
        JsonNode offering = fixture.offering().json();
        String uuid = offering.get("uuid").asString();

        JsonNode plans = api.get("/api/marketplace-public-offerings/" + uuid + "/plans/")
                .expect(200)
                .json();

        assertThat(plans).isEqualTo(offering.get("plans"));
        assertThat(plans.get(0).get("name").asString()).isEqualTo("Default");
        api.get("/api/marketplace-public-offerings/" + UUID.randomUUID() + "/plans/")
                .expect(404);
    }

    private List<String> uuids(String path) {
        return api.get(path).expect(200).texts("uuid");
    }
}
