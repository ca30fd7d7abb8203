package org.arrowsync.arrowclient;

import static org.arrowsync.arrowclient.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordsTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{'Reference':'XSP1','CompanyName':'Contoso','EmailContact':'a@contoso.com','City':'Paris','CountryCode':'FR','InternalReference':'C-1','Ref':'1'}",
                "{'reference':'XSP1','companyName':'Contoso','emailContact':'a@contoso.com','city':'Paris','countryCode':'FR','internalReference':'C-1','ref':1}",
                "{'Reference':'XSP1','CompanyName':'Contoso','EmailContact':'','Contact':{'Email':'a@contoso.com'},'City':'Paris','CountryCode':'FR','InternalReference':'C-1','Ref':'1'}",
                "{'reference':'XSP1','companyName':'Contoso','contact':{'email':'a@contoso.com'},'city':'Paris','countryCode':'FR','internalReference':'C-1','ref':'1'}",
            })
    void readsCustomersInEitherCase(String customer) {
        assertThat(Customer.from(json(customer)))
                .isEqualTo(new Customer("XSP1", "Contoso", "a@contoso.com", "Paris", "FR", "C-1", "1"));
    }

    @Test
    void aCustomerWithoutReferenceIsABadPayload() {
        assertThatThrownBy(() -> Customer.from(json("{'CompanyName':'x'}"))).isInstanceOf(PayloadProblem.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{'license_id':'XSP9','customer_ref':'XSP1','service_ref':'MS-0A','sku':'S1','name':'Azure','friendlyName':'prod','state':'active','vendor_license_id':'guid','seats':3}",
                "{'License_Id':'XSP9','Customer_Ref':'XSP1','Service_Ref':'MS-0A','Sku':'S1','Name':'Azure','FriendlyName':'prod','State':'active','Vendor_License_Id':'guid','Seats':'3'}",
                "{'id':123,'partner_ref':'XSP9','customer_ref':'XSP1','service_ref':'MS-0A','sku':'S1','offer':'Azure','friendly_name':'prod','status_label':'active','vendor_subscription_id':'guid','seat':3}",
            })
    void readsLicensesInEverySpelling(String license) {
        assertThat(License.from(json(license)))
                .isEqualTo(new License("XSP9", "XSP1", "MS-0A", "S1", "Azure", "prod", "active", "guid", 3));
    }

    @Test
    void readsWhoami() {
        assertThat(Partner.from(json("{'reference':'XSP12345','companyName':'Partner','emailContact':'p@x',"
                        + "'city':'Lyon','countryCode':'FR'}")))
                .isEqualTo(new Partner("XSP12345", "Partner", "p@x", "Lyon", "FR"));
    }

    @Test
    void readsExportTypesAsMapOrList() {
        assertThat(ExportType.listFrom(json("{'E1-2-abc':'MSP','E1-2-def':'MSP (Extended)'}")))
                .containsExactly(
                        new ExportType("E1-2-abc", "MSP", null, false),
                        new ExportType("E1-2-def", "MSP (Extended)", null, false));
        assertThat(ExportType.listFrom(json("[{'reference':'E1','name':'MSP','description':'d','isDefault':true},"
                        + "{'reference':'E2','name':'Other'}]")))
                .containsExactly(new ExportType("E1", "MSP", "d", true), new ExportType("E2", "Other", null, false));
    }

    @Test
    void readsExportColumnsAsMapOrList() {
        assertThat(ExportColumn.listFrom(json("{'sequence':'Sequence','qty':'Qty'}")))
                .containsExactly(new ExportColumn("sequence", "Sequence"), new ExportColumn("qty", "Qty"));
        assertThat(ExportColumn.listFrom(json("[{'reference':'qty','name':'Qty'}]")))
                .containsExactly(new ExportColumn("qty", "Qty"));
    }

    @Test
    void readsStatementsWithTheirStatus() {
        Statement statement = Statement.from(json("""
                {'reference':'H1-AAA-1','sequence':'MSM12-1','vendorName':'Microsoft','programCode':'MSCSP',
                 'classification':'SAAS','reportPeriod':'2024-07','marketplace':'FR',
                 'from':{'reference':'XSP12345','name':'Partner'},'to':{'reference':'XSP1','name':'Contoso'},
                 'currency':'EUR','prices':{'buyTotal':80,'sellTotal':'100.5','listTotal':120},
                 'status':{'creationDate':'2024-08-01','validationDate':'2024-08-30T10:00:00Z','state':'Fulfilled'}}
                """));
        assertThat(statement)
                .isEqualTo(new Statement(
                        "H1-AAA-1",
                        "MSM12-1",
                        "Microsoft",
                        "MSCSP",
                        "SAAS",
                        YearMonth.of(2024, 7),
                        "FR",
                        "XSP1",
                        "Contoso",
                        "EUR",
                        statement.buyTotal(),
                        statement.sellTotal(),
                        StatementState.FULFILLED,
                        LocalDate.of(2024, 8, 30)));
        assertThat(statement.sellTotal()).isEqualByComparingTo("100.5");
    }

    @ParameterizedTest(name = "sellTotal {0}")
    @ValueSource(strings = {"1e999999999", "'1E+999999999'", "-1e999999999", "1e-999999999", "'1E-999999999'"})
    @Timeout(10)
    void aStatementAmountNoLedgerCouldStoreIsLeftOutInNoTime(String sellTotal) {
        Statement statement = Statement.from(json("{'reference':'H1-AAA-1','reportPeriod':'2024-07',"
                + "'to':{'reference':'XSP1','name':'C'},'currency':'EUR','prices':{'buyTotal':1,'sellTotal':"
                + sellTotal + "}}"));
        assertThat(statement.sellTotal()).isNull();
        assertThat(statement.buyTotal()).isEqualByComparingTo("1");
    }

    @Test
    void readsStatementLines() {
        StatementLine line = StatementLine.from(json("""
                {'reference':'L1-1','arsSubscriptionId':'XSP9','arrowSku':'SKU','vendorName':'Microsoft',
                 'vendorProductName':'Azure','description':'d','classification':'IAAS','currency':'EUR',
                 'quantity':2,'prices':{'buyTotal':'8','sellTotal':'10'},
                 'billingPeriodStart':'2024-07-01','billingPeriodEnd':'2024-07-31'}
                """));
        assertThat(line.licenseReference()).isEqualTo("XSP9");
        assertThat(line.quantity()).isEqualByComparingTo("2");
        assertThat(line.sellTotal()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(line.billingPeriodEnd()).isEqualTo(LocalDate.of(2024, 7, 31));
    }

    @Test
    void aStatementWithoutStatusSaysNothing() {
        Statement statement = Statement.from(json("""
                {'reference':'H1-AAA-1','sequence':null,'reportPeriod':'2021-04','to':{'reference':'XSP1','name':'C'},
                 'currency':'USD','prices':{'listTotal':45.1,'buyTotal':42.0,'sellTotal':23.1},
                 'issueDate':'2021-04-29 13:37:00'}
                """));
        assertThat(statement.state()).isEqualTo(StatementState.NONE);
        assertThat(statement.state().isSignal()).isFalse();
        assertThat(statement.validationDate()).isNull();
        assertThat(statement.sellTotal()).isEqualByComparingTo("23.1");
    }

    /** A field validation does not read, written unreadably, leaves the statement's customer and state readable. */
    @Test
    void aStatementWithAnUnreadableDateOrTotalStillSaysItsState() {
        Statement statement = Statement.from(json("""
                {'reference':'H1-AAA-2','reportPeriod':'April','to':{'reference':'XSP1','name':'C'},
                 'prices':{'buyTotal':'n/a','sellTotal':'5,37630'},
                 'status':{'state':'Fulfilled','validationDate':'0000-00-00 00:00:00'}}
                """));
        assertThat(statement.customerReference()).isEqualTo("XSP1");
        assertThat(statement.state().isSignal()).isTrue();
        assertThat(statement.validationDate()).isNull();
        assertThat(statement.reportPeriod()).isNull();
        assertThat(statement.sellTotal()).isNull();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "Open              | OPEN",
                "Needs Validation  | NEEDS_VALIDATION",
                "needs_validation  | NEEDS_VALIDATION",
                "Fulfilled         | FULFILLED",
                "REJECTED          | REJECTED",
                "Archived          | UNKNOWN",
                "NULL              | NONE",
            })
    void readsStatementStates(String text, StatementState expected) {
        assertThat(StatementState.of(text)).isEqualTo(expected);
    }
}
