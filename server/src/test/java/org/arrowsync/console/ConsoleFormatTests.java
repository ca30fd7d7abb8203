package org.arrowsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.arrowsync.console.ConsoleFormat.Field;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ConsoleFormatTests {

    private final ConsoleFormat format = new ConsoleFormat(Clock.systemUTC());

    @Test
    void aJobsFieldsAreWordsAndWhatWasNotGivenIsLeftOut() {
        var result = JsonMapper.shared().readTree("""
                {"year": 2026, "resource_uuid": null, "note": "", "dry_run": false,
                 "unmatched": [{"company_name": "Contoso", "lines": 17, "amount": "7885.86"},
                               {"company_name": "Fabrikam", "lines": 2, "currency": null}],
                 "errors": []}""");
        assertThat(format.fields(result))
                .containsExactly(
                        new Field("year", "2026"),
                        new Field("dry run", "false"),
                        new Field(
                                "unmatched",
                                "company name Contoso, lines 17, amount 7885.86; company name Fabrikam, lines 2"));
    }
}
