package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * For each endpoint the client calls, a response body shaped as in the official clients' tests (ArrowSphere's PHP
 * client {@code ArrowSphere/public-api-client}, its Node client {@code ArrowSphere/nodejs-api-client}, and the .NET
 * client {@code shearnie/ArrowSphereApiDotNet} with its recorded answers) goes through the real client over HTTP and
 * comes out as the values it carries. The bodies are written here, with our own values; each names the file whose shape
 * it follows.
 */
class OfficialFixturesTests {

    @RegisterExtension
    static final FixtureServer server = new FixtureServer();

    private static final ArrowClient client = server.client();

    @Test
    void whoamiWithAndWithoutEnvelopeStatus() {
        // NODE tests/general/whoAmIClient.test.ts: {data: {...}}, no status
        server.answer("GET", "whoami", """
                {"data": {"companyName": "Reseller One", "addressLine1": "1 Main St", "addressLine2": "", "zip": "1000",
                  "city": "Brussels", "countryCode": "BE", "state": "", "receptionPhone": "", "websiteUrl": "",
                  "emailContact": "billing@reseller.example", "headcount": "12", "taxNumber": "", "reference": "XSP9001",
                  "ref": "RESELLER9001", "billingId": "", "internalReference": ""}}
                """);
        assertThat(client.whoami())
                .isEqualTo(new Partner("XSP9001", "Reseller One", "billing@reseller.example", "Brussels", "BE"));
        // DOTNET Tests/TestData/WhoAmI.json: PascalCase, "Status": 200, a User object
        server.answer("GET", "whoami", """
                {"Status": 200, "Data": {"CompanyName": "Reseller Two", "City": "Lyon", "CountryCode": "FR",
                  "EmailContact": "two@reseller.example", "Reference": "XSP9002", "Ref": "9002",
                  "User": {"Login": "abc", "Role": "MSP Plus"}}}
                """);
        assertThat(client.whoami())
                .isEqualTo(new Partner("XSP9002", "Reseller Two", "two@reseller.example", "Lyon", "FR"));
    }

    @Test
    void customersOfTheOfficialAndTheRecordedShape() {
        // PHP tests/Customers/CustomersClientTest.php testGetCustomers: data.customers, PascalCase, snake pagination
        server.answer("GET", "customers", """
                {"status": 200, "data": {"customers": [
                  {"AddressLine1": "5 Harbour Rd", "BillingId": "77", "City": "Ghent", "CompanyName": "Harbour Works",
                   "Contact": {"Email": "ops@harbour.example", "FirstName": "Ann", "LastName": "Lee", "Phone": "1"},
                   "CountryCode": "BE", "Details": [], "DeletedAt": null, "EmailContact": "", "Headcount": null,
                   "InternalReference": "HW-1", "Ref": "HARBOUR77", "Reference": "XSP77", "State": "", "Zip": "9000"},
                  {"AddressLine1": "9 Hill St", "City": "Namur", "CompanyName": "Hill Labs", "Contact": {"Email": ""},
                   "CountryCode": "BE", "EmailContact": "it@hill.example", "InternalReference": "", "Ref": "HILL78",
                   "Reference": "XSP78"}]},
                 "pagination": {"per_page": 100, "current_page": 1, "total_page": 1, "total": 2, "next": null,
                   "previous": null}}
                """);
        assertThat(client.customers())
                .containsExactly(
                        new Customer(
                                "XSP77", "Harbour Works", "ops@harbour.example", "Ghent", "BE", "HW-1", "HARBOUR77"),
                        new Customer("XSP78", "Hill Labs", "it@hill.example", "Namur", "BE", null, "HILL78"));
        assertThat(server.call("GET", "customers", 1).query()).isEqualTo("page=1&per_page=100");

        // DOTNET Tests/TestData/CustomerList.json: "Status", "Data"."Customers", Ref = the reference's number
        server.answer("GET", "customers", """
                {"Status": 200, "Data": {"Customers": [
                  {"Reference": "XSP333333", "CompanyName": "Example Corp", "City": "Denver", "CountryCode": "US",
                   "EmailContact": "demo@example.com", "Ref": "333333", "InternalReference": "", "Type": "MSP",
                   "Contact": {"FirstName": "Jo", "LastName": "Doe", "Email": "jo@example.com"},
                   "OrganizationUnit": {"OrganizationUnitRef": "XSPOU1", "Name": "test"}, "CreatedAt": "2020-02-27T18:11:28Z"}]},
                 "Pagination": {"Per_Page": 999999, "Current_Page": 1, "Total_Page": 1, "Total": 1, "Next": null,
                   "Previous": null}}
                """);
        assertThat(client.customers())
                .containsExactly(
                        new Customer("XSP333333", "Example Corp", "demo@example.com", "Denver", "US", null, "333333"));

        // PHP CustomersClient::getCustomer reads data.customers[0]
        server.answer("GET", "customers/XSP77", """
                {"status": 200, "data": {"customers": [{"Reference": "XSP77", "CompanyName": "Harbour Works", "Ref": "HARBOUR77"}]}}
                """);
        assertThat(client.customer("XSP77").ref()).isEqualTo("HARBOUR77");
    }

    @Test
    void licensesFromTheFindEndpointOverTwoPages() {
        // PHP tests/Licenses/LicensesClientTest.php testFind and testFindWithPagination: results[].license at the top
        // level, snake_case keys, totalPage
        server.answer("POST", "licenses/v2/find", 1, """
                {"results": [%s, %s], "filters": [{"name": "vendor_code", "values": [{"value": "Microsoft", "count": 2}]}],
                 "pagination": {"perPage": 2, "currentPage": 1, "totalPage": 2, "total": 3, "next": null, "previous": null}}
                """.formatted(
                        found("XSP500001", "XSP77", "Office 365 E3", "AABB-1", 6),
                        found("XSP500002", "XSP77", "Azure plan", "AABB-2", 1)));
        server.answer("POST", "licenses/v2/find", 2, """
                {"results": [%s], "filters": [], "pagination": {"currentPage": 2, "totalPage": 2, "total": 3}}
                """.formatted(
                        found("XSP500003", "XSP77", "AWS Distribution Account Model (DAM)", null, 6)));
        List<License> licenses = client.licenses("XSP77");
        assertThat(licenses)
                .containsExactly(
                        new License(
                                "XSP500001",
                                "XSP77",
                                "MS-0B-O365-ENTERPRIS",
                                "SKU-1",
                                "Office 365 E3",
                                "XSP9001|MS-0B-O365-ENTERPRIS|XSP77|XSP500001",
                                "activation_ok",
                                "AABB-1",
                                6),
                        new License(
                                "XSP500002",
                                "XSP77",
                                "MS-0B-O365-ENTERPRIS",
                                "SKU-1",
                                "Azure plan",
                                "XSP9001|MS-0B-O365-ENTERPRIS|XSP77|XSP500002",
                                "activation_ok",
                                "AABB-2",
                                1),
                        new License(
                                "XSP500003",
                                "XSP77",
                                "MS-0B-O365-ENTERPRIS",
                                "SKU-1",
                                "AWS Distribution Account Model (DAM)",
                                "XSP9001|MS-0B-O365-ENTERPRIS|XSP77|XSP500003",
                                "activation_ok",
                                null,
                                6));
        assertThat(server.call("POST", "licenses/v2/find", 2).query()).isEqualTo("page=2&per_page=100");
        assertThat(server.call("POST", "licenses/v2/find", 2).body())
                .isEqualTo("{\"filters\":{\"license.customer_ref\":[\"XSP77\"]}}");
    }

    @Test
    void oneLicenseWithItsRawJson() {
        // NODE tests/licenses/licenses.mocks.ts PAYLOAD_SCHEMA_LICENSE: data.license, license_id, friendlyName, seats
        server.answer("GET", "licenses/XSP500001", """
                {"status": 200, "data": {"license": {"classification": "SaaS", "license_id": "XSP500001",
                  "parent_license_id": null, "friendlyName": "Main tenant", "customer_ref": "XSP77", "state": "active",
                  "statusCode": 86, "isTrial": false, "service_ref": "MS-0B-O365-ENTERPRIS", "sku": "SKU-1",
                  "name": "Office 365 E3", "seats": 10, "activeSeats": {"number": 3, "lastUpdate": "2024-01-01T00:00:00Z"},
                  "vendor_license_id": "AABB-1", "periodicity": "per Month", "periodicityCode": 720,
                  "price": {"currency": "EUR", "unit": {"buy": 2, "sell": 3, "list": 3.5}}}}}
                """);
        LicenseDetails details = client.license("XSP500001");
        assertThat(details.license())
                .isEqualTo(new License(
                        "XSP500001",
                        "XSP77",
                        "MS-0B-O365-ENTERPRIS",
                        "SKU-1",
                        "Office 365 E3",
                        "Main tenant",
                        "active",
                        "AABB-1",
                        10));
        assertThat(details.raw().path("price").path("unit").path("list").decimalValue())
                .isEqualByComparingTo("3.5");
    }

    @Test
    void monthlyConsumptionWithMoreCellsThanHeadersAndTextInANumericColumn() {
        // NODE tests/consumption/mocks/consumption.mocks.ts GET_CONSUMPTION_RESPONSE: 18 headers, a line of 32 cells,
        // text where the quantity is, numbers for the prices
        server.answer("GET", "consumption/monthly/license/XSP500002", """
                {"status": 200, "data": {"headers": ["Report Period", "Usage Start date", "Subscription Start Date",
                  "Subscription End Date", "Vendor Name", "Vendor Billing Start Date", "Vendor Billing End Date",
                  "Vendor Product Name", "Vendor Meter Category", "Vendor Meter Sub-Category", "UOM",
                  "Level Chargeable Quantity", "Catalog Billing Periodicity", "Country currency code",
                  "Country reseller unit", "Country reseller total", "Country customer unit", "Country customer total"],
                 "lines": [["2023-03", "2023-03-30 00:00:00", "2023-03-31 00:00:00", "2022-05-02 10:00:00",
                   "2023-05-02 10:00:00", "northeurope", "", "Microsoft", "2023-03-01 00:00:00", "2023-03-31 00:00:00",
                   "11AA-22BB-33CC", "Hot LRS", "Storage", "", "", "", "4711", "", "", "", "", "staging", "", "Month",
                   0.5, "", "", "EUR", 0, 0, 0, 0]]}}
                """);
        YearMonth march = YearMonth.of(2023, 3);
        ConsumptionReport report = client.monthlyConsumption("XSP500002", march, march);
        assertThat(report.headers()).hasSize(18);
        assertThat(report.lines()).hasSize(1);
        ConsumptionLine line = report.lines().get(0);
        assertThat(line.reportPeriod()).isEqualTo(march);
        assertThat(line.quantity()).as("'Hot LRS' where the quantity should be").isNull();
        assertThat(line.cells()).hasSize(32);
        assertThat(report.priced()).as("both totals blank").isFalse();
        assertThat(report.notes())
                .containsExactly(
                        "consumption line 1: unreadable amount in Level Chargeable Quantity: 'Hot LRS'",
                        "consumption line 1: 32 cells for 18 headers, the surplus ignored");
        // to bill, an answer without amounts is not a month that cost nothing (D170)
        assertThatThrownBy(() -> client.billableConsumption("XSP500002", march))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessageContaining("1 consumption lines without any amount");
        assertThat(server.call("GET", "consumption/monthly/license/XSP500002", 1)
                        .query())
                .isEqualTo("billingMonthStart=2023-03&billingMonthEnd=2023-03"
                        + "&reportPeriodStart=2023-03&reportPeriodEnd=2023-03");
    }

    /**
     * What was consumed so far comes from Waldur's endpoint; the daily predictions the official clients read are a
     * forecast from the day the model ran (PHP tests/Licenses/LicensesClientTest.php testGetPrediction: updatedAt is
     * its first day), never billed.
     */
    @Test
    void consumedSoFarFromWaldursPredictionNeverTheDailyForecast() {
        server.answer("GET", "licenses/XSP500002/predictions/daily", """
                {"status": 200, "data": {"currency": "EUR", "updatedAt": "2022-12-29", "licenseReference": "XSP500002",
                  "predictions": [{"date": "2022-12-30", "amount": 120.1234567891234},
                                  {"date": "2022-12-31", "amount": 99.5}]}}
                """);
        // Waldur's endpoint (docs/reference-behaviour.md): data.values[].consumed{buy, sell}
        server.answer("GET", "consumption/license/XSP500002/prediction", """
                {"status": 200, "data": {"currency": "EUR", "reportPeriod": "2022-12", "billingStartDate": "2022-12-01",
                  "values": [{"consumed": {"buy": 8, "sell": 10, "list": 12}, "estimatedMin": 9, "estimatedMax": 11}]}}
                """);
        assertThat(client.consumptionPrediction("XSP500002"))
                .isEqualTo(new ConsumptionPrediction(
                        "EUR", YearMonth.of(2022, 12), new BigDecimal("10"), new BigDecimal("8")));
        assertThat(server.call("GET", "licenses/XSP500002/predictions/daily", 1))
                .isNull();
    }

    @Test
    void exportTypesAndColumnsAsMaps() {
        // PHP tests/Billing/ErpExportsClientTest.php testGetErpExportsTypes and testGetErpExportsColumns
        server.answer("GET", "billing/erp/exports/types", """
                {"code": 0, "message": "success", "data": {"exportTypes": {"E1-2-aaa": "Standard", "E1-2-bbb": "Light"}}}
                """);
        assertThat(client.exportTypes())
                .containsExactly(
                        new ExportType("E1-2-aaa", "Standard", null, false),
                        new ExportType("E1-2-bbb", "Light", null, false));
        server.answer("GET", "billing/erp/exports/columns", """
                {"code": 0, "message": "success", "data": {"columns": {"col-1": "Friendly Name", "col-2": "Vendor Name"}}}
                """);
        assertThat(client.exportColumns())
                .containsExactly(new ExportColumn("col-1", "Friendly Name"), new ExportColumn("col-2", "Vendor Name"));
    }

    @Test
    void theRecordedExportShape() {
        // DOTNET Tests/TestData/BillingReport.json: "Code": 200, "Data"."Headers" (the 70 columns) and "Values" (all
        // strings but Segment, money with 5 decimals, MM/DD/YYYY dates), "Pagination"."TotalPages"
        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("Order Id", "O_ARWS-V7-00000001-333333");
        aws.put("End User Company Name", "Example Corp");
        aws.put("End User Company ID", "333333");
        aws.put("Arrow Reference ID", "AWS-RESELLER");
        aws.put("Service Name", "aws");
        aws.put("Offer Name", "AWS Solution Provider Account Model (SPAM)");
        aws.put("Qty", "1.00000");
        aws.put("Country Marketplace Currency", "USD");
        aws.put("Service Provider Currency", "USD");
        aws.put("Vendor Name", "Amazon Web Services");
        aws.put("Arrow SKU", "AWS-SUB-0006");
        aws.put("Total Wholesale Price", "4.12340");
        aws.put("Description", "Usage 123456789012");
        aws.put("Friendly Name", "123456789012");
        aws.put("Customer Total Price", "4.56780");
        aws.put("Vendor Subscription ID", "123456789012");
        aws.put("Sequence", "AWSIM24-10000001-10001");
        aws.put("Validation Date", "08/30/2024");
        aws.put("Classification", "IAAS");
        aws.put("Report Period", "2024-07");
        aws.put("ARS Subscription ID", "XSP4000100");
        server.answer("POST", "billing/erp/exports/sync", recordedExport(List.of(aws)));
        List<ExportPage> pages = new ArrayList<>();
        client.forEachExportPage(ExportQuery.forPeriod("E1-2-ccc", YearMonth.of(2024, 7)), pages::add);
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).headers()).hasSize(70);
        assertThat(pages.get(0).totalPages()).isEqualTo(1);
        BillingLine line = pages.get(0).rows().get(0).billingLine().line();
        assertThat(line)
                .isEqualTo(new BillingLine(
                        "AWSIM24-10000001-10001",
                        null,
                        "Example Corp",
                        "333333",
                        new BigDecimal("4.56780"),
                        new BigDecimal("4.12340"),
                        new BigDecimal("1.00000"),
                        "Amazon Web Services",
                        "AWS Solution Provider Account Model (SPAM)",
                        "XSP4000100",
                        "123456789012",
                        "IAAS",
                        "AWS-SUB-0006",
                        YearMonth.of(2024, 7),
                        LocalDate.of(2024, 8, 30),
                        "USD"));
        FixtureServer.Call call = server.call("POST", "billing/erp/exports/sync", 1);
        assertThat(call.query()).isEqualTo("page=1");
        assertThat(call.body())
                .isEqualTo("{\"exportTypeReference\":\"E1-2-ccc\",\"filters\":{\"reportPeriod\":"
                        + "{\"from\":\"2024-07\",\"to\":\"2024-07\"}},\"outputFormat\":{\"date\":\"DD-MM-YYYY\"},"
                        + "\"page\":1}");
    }

    /**
     * D190: the recorded export keeps one Order Id on two lines of a month. Read without Sequence (as a billing sync
     * reads, its own columns only), each line of the order is a line of its own, told apart by any cell, Bill From
     * among them; a row listed again whole is the line already read.
     */
    @Test
    void linesOfOneOrderWithoutSequenceAreToldApartByAnyOfTheirCells() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("Order Id", "O_ARWS-V7-d152a570-222222");
        first.put("End User Company ID", "222222");
        first.put("Vendor Name", "Microsoft");
        first.put("Offer Name", "Azure plan");
        first.put("Customer Total Price", "215.13000");
        first.put("Total Wholesale Price", "200.00000");
        first.put("Bill From", "07/01/2024");
        first.put("Classification", "IAAS");
        first.put("Report Period", "2024-07");
        first.put("ARS Subscription ID", "XSP4000200");
        Map<String, Object> second = new LinkedHashMap<>(first);
        second.put("Bill From", "07/16/2024");
        Map<String, Object> other = new LinkedHashMap<>(first);
        other.put("Order Id", "O_ARWS-V7-00000002-222222");
        List<String> withoutSequence = RECORDED_COLUMNS.stream()
                .filter(column -> !column.equals("Sequence"))
                .toList();
        server.answer(
                "POST",
                "billing/erp/exports/sync",
                recordedExport(withoutSequence, List.of(first, second, first, other)));

        List<String> references = new ArrayList<>();
        client.forEachExportPage(
                ExportQuery.forPeriod("E1-2-ccc", YearMonth.of(2024, 7)),
                BillingLine.COLUMNS,
                page -> page.rows()
                        .forEach(row -> references.add(row.billingLine().reference())));

        assertThat(references)
                .containsExactly(
                        "O_ARWS-V7-d152a570-222222",
                        "O_ARWS-V7-d152a570-222222 #2",
                        "O_ARWS-V7-d152a570-222222",
                        "O_ARWS-V7-00000002-222222");
    }

    @Test
    void statementsWithAndWithoutStatusAndTheirLines() {
        // PHP tests/Billing/StatementsClientTest.php testGetStatements: code/message/endpointTitle, numbers for prices,
        // two statements of three without status
        server.answer("GET", "billing/statements", """
                {"code": 0, "message": "success", "endpointTitle": "/billing/statements", "data": {"billingStatements": [
                  {"reference": "H1-AAA-0001", "sequence": null, "billingGroup": "ArrowBilling", "billingStrategy": null,
                   "vendorName": "microsoft", "programCode": "MSCSP", "classification": "saas", "reportPeriod": "2023-05",
                   "marketplace": "BE", "issueDate": "2023-06-01 08:00:00", "from": {"reference": "XSP9001", "name": "R"},
                   "to": {"reference": "XSP77", "name": "Harbour Works"}, "currency": "EUR",
                   "prices": {"listTotal": 50.5, "buyTotal": 40.25, "sellTotal": 45.125}, "description": "d"},
                  {"reference": "H1-BBB-0002", "sequence": "MSM23-1", "vendorName": "aws", "programCode": "AWS-RESELLER",
                   "classification": "iaas", "reportPeriod": "2023-05", "to": {"reference": "XSP77", "name": "Harbour Works"},
                   "currency": "EUR", "prices": {"listTotal": 10, "buyTotal": 8, "sellTotal": 9},
                   "status": {"creationDate": "2023-06-01", "submissionDate": "2023-06-02", "validationDate": null,
                              "rejectionDate": null, "state": "Open"}},
                  {"reference": "H1-CCC-0003", "reportPeriod": "2023-05", "to": {"reference": "XSP78", "name": "Hill Labs"},
                   "currency": "EUR", "prices": {"buyTotal": 1, "sellTotal": 2},
                   "status": {"validationDate": "2023-06-05", "state": "Fulfilled"}}]},
                 "pagination": {"total": 3, "perPage": 1000, "currentPage": 1, "totalPages": 1, "prevUrl": null,
                   "nextUrl": null}}
                """);
        List<Statement> statements = client.statements(StatementQuery.forPeriod(YearMonth.of(2023, 5)));
        assertThat(statements)
                .extracting(Statement::state)
                .containsExactly(StatementState.NONE, StatementState.OPEN, StatementState.FULFILLED);
        assertThat(statements.get(0).sellTotal()).isEqualByComparingTo("45.125");
        assertThat(statements.get(0).buyTotal()).isEqualByComparingTo("40.25");
        assertThat(statements.get(2).validationDate()).isEqualTo(LocalDate.of(2023, 6, 5));
        assertThat(server.call("GET", "billing/statements", 1).query())
                .isEqualTo("reportPeriod=2023-05&page=1&perPage=1000");

        // PHP testGetStatementLines: date-times, quantity and prices as numbers
        server.answer("GET", "billing/statements/H1-AAA-0001/lines", """
                {"code": 0, "message": "success", "data": {"billingStatementLines": [
                  {"reference": "L1-AAA-0001", "vendorEndCustomerSubscriptionId": "1111-2222", "vendorName": "Vendor",
                   "programCode": "MSCSP", "classification": "SAAS", "vendorProductName": "Product", "vendorSku": "V-1",
                   "arrowSku": "A-1", "offerName": "Offer", "subscriptionFriendlyName": null, "arsSubscriptionId": "XSP500001",
                   "orderId": "O-1", "resellerOrderId": null, "subscriptionStartDate": "2023-01-17 00:00:00",
                   "subscriptionEndDate": "2024-01-17 00:00:00", "billingPeriodicity": "Monthly",
                   "billingPeriodStart": "2023-05-01 00:00:00", "billingPeriodEnd": "2023-05-31 00:00:00",
                   "usageStartDate": "2023-05-01 00:00:00", "usageEndDate": "2023-05-31 00:00:00",
                   "rates": {"sellRate": 1.05, "sellRateType": "uplift"}, "quantity": 3, "currency": "EUR",
                   "prices": {"listUnit": 4.5, "listTotal": 13.5, "buyUnit": 4, "buyTotal": 12, "sellUnit": 4.2,
                              "sellTotal": 12.6}, "description": "Description"}]},
                 "pagination": {"total": 1, "perPage": 1000, "currentPage": 1, "totalPages": 1, "prevUrl": null,
                   "nextUrl": null}}
                """);
        assertThat(client.statementLines("H1-AAA-0001"))
                .containsExactly(new StatementLine(
                        "L1-AAA-0001",
                        "XSP500001",
                        "A-1",
                        "Vendor",
                        "Product",
                        "Description",
                        "SAAS",
                        "EUR",
                        new BigDecimal("3"),
                        new BigDecimal("12"),
                        new BigDecimal("12.6"),
                        LocalDate.of(2023, 5, 1),
                        LocalDate.of(2023, 5, 31)));
    }

    @Test
    void vendorNamesFromThePagedPrograms() {
        // PHP tests/Catalog/ProgramClientTest.php testGetPrograms: data[] of {reference, name, ...}, snake pagination
        server.answer("GET", "catalog/categories/IAAS/programs", """
                {"status": 200, "data": [
                  {"reference": "example", "name": "Example Vendor Inc.", "associatedSubscriptionProgram": "EX-1",
                   "category": "IAAS", "links": {"program": "/api/catalog/categories/IAAS/programs/example"}}],
                 "pagination": {"per_page": 1, "current_page": 1, "total_page": 2, "total": 2, "next": null,
                   "previous": null}}
                """);
        server.answer("GET", "catalog/categories/IAAS/programs", 2, """
                {"status": 200, "data": [{"reference": "another", "name": "Another Cloud", "category": "IAAS"}],
                 "pagination": {"per_page": 1, "current_page": 2, "total_page": 2, "total": 2}}
                """);
        assertThat(client.vendorNames("IAAS")).containsExactly("Another Cloud", "Example Vendor Inc.");
    }

    /** A license as the find endpoint shows it (PHP LicensesClientTest's results[].license). */
    private static String found(String reference, String customer, String offer, String vendorId, int seats) {
        return """
                {"license": {"id": %d, "subscription_id": "S-%s", "parent_line_id": null, "vendor_name": "Microsoft",
                  "vendor_code": "Microsoft", "subsidiary_name": "Arrow ECS Belgium", "partner_ref": "%s",
                  "status_code": 86, "status_label": "activation_ok", "service_ref": "MS-0B-O365-ENTERPRIS",
                  "sku": "SKU-1", "uom": "LICENSE", "price": {"buy_price": 10, "sell_price": 15, "currency": "EUR"},
                  "cloud_type": "SaaS", "base_seat": %d, "seat": %d, "trial": false, "auto_renew": true,
                  "offer": "%s", "customer_ref": "%s", "customer_name": "Harbour Works", "marketplace": "BE",
                  "active_seats": {"number": null, "lastUpdate": null},
                  "friendly_name": "XSP9001|MS-0B-O365-ENTERPRIS|%s|%s", "vendor_subscription_id": %s,
                  "periodicity": 720, "term": 8640, "isEnabled": true}}
                """.formatted(
                        Integer.parseInt(reference.substring(3)),
                        reference,
                        reference,
                        seats,
                        seats,
                        offer,
                        customer,
                        customer,
                        reference,
                        vendorId == null ? "null" : "\"" + vendorId + "\"");
    }

    /** The 70 columns of the recorded export, in order. */
    private static final List<String> RECORDED_COLUMNS = List.of(
            "Order Id",
            "Order Creation Date",
            "Purchase Date",
            "Bill From",
            "Bill To",
            "End User Company Name",
            "End User Company ID",
            "End User Company Reference ID",
            "Arrow Reference ID",
            "End User Account Creation Date",
            "End User First Name",
            "End User Last Name",
            "End User E-mail",
            "End User Phone",
            "End User Address Line1",
            "End User Address Line2",
            "End User City",
            "End User State",
            "End User Post Code",
            "End User Country Code",
            "Service Name",
            "Offer Name",
            "Sales Reference Code",
            "Qty",
            "Pro-rate Scale",
            "Country Marketplace Currency",
            "Service Provider Currency",
            "Exchange Rate",
            "Vendor Name",
            "Arrow SKU",
            "Pro-Rated Wholesale Unit Discounted Price (Amount)",
            "Total Wholesale Price",
            "Tax on Total Wholesale Price",
            "Grand Total - Wholesale Price",
            "Initial Purchase Order",
            "Agreement ID Reseller",
            "Vendor SKU",
            "Enduser VAT number",
            "Enduser PO number",
            "Min Qty",
            "Max Qty",
            "Description",
            "Billing ID",
            "Original Qty",
            "Customer Billing ID",
            "Friendly Name",
            "Retail Unit Price",
            "Retail Total Price",
            "Rate",
            "Customer Unit Price",
            "Customer Total Price",
            "ERP Invoice ID",
            "ERP Invoice Date",
            "Subscription Start Date",
            "Subscription End Date",
            "Reseller Name",
            "Billing Cycle",
            "Billing Term",
            "Vendor Subscription ID",
            "Order Comment 1",
            "Order Comment 2",
            "Sequence",
            "Validation Date",
            "Classification",
            "Report Period",
            "ARS Subscription ID",
            "Segment",
            "Organization Unit",
            "Rate Rule Percentage",
            "Rate Percentage");

    /** The recorded export's envelope around rows given by column; other cells empty, Segment null. */
    private static String recordedExport(List<Map<String, Object>> rows) {
        return recordedExport(RECORDED_COLUMNS, rows);
    }

    /** {@link #recordedExport} with these headers. */
    private static String recordedExport(List<String> headers, List<Map<String, Object>> rows) {
        List<List<Object>> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> cells = new ArrayList<>();
            headers.forEach(column -> cells.add(column.equals("Segment") ? null : row.getOrDefault(column, "")));
            values.add(cells);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Code", 200);
        body.put("Data", Map.of("Headers", headers, "Values", values));
        body.put("Pagination", Map.of("PerPage", 1000, "CurrentPage", 1, "Total", rows.size(), "TotalPages", 1));
        return JsonMapper.builder().build().writeValueAsString(body);
    }
}
