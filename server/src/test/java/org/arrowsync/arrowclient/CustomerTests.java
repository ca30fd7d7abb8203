package org.arrowsync.arrowclient;

import static org.arrowsync.arrowclient.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerTests {

    /** Arrow's PascalCase, and camelCase and snake_case as other answers write their keys (D186). */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'Reference':'XSP1','CompanyName':'Contoso','EmailContact':'a@contoso.example','CountryCode':'FR','Ref':'1'}",
                "{'reference':'XSP1','companyName':'Contoso','emailContact':'a@contoso.example','countryCode':'FR','ref':'1'}",
                "{'reference':'XSP1','company_name':'Contoso','email_contact':'a@contoso.example','country_code':'FR','ref':'1'}",
            })
    void readsEveryKeySpelling(String body) {
        Customer customer = Customer.from(json(body));

        assertThat(customer.reference()).isEqualTo("XSP1");
        assertThat(customer.companyName()).isEqualTo("Contoso");
        assertThat(customer.email()).isEqualTo("a@contoso.example");
        assertThat(customer.countryCode()).isEqualTo("FR");
        assertThat(customer.ref()).isEqualTo("1");
    }
}
