package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTests {

    @ParameterizedTest(name = "[{0}] is written [{1}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "Contoso Ltd|Contoso Ltd",
                "Contoso, Ltd|\"Contoso, Ltd\"",
                "The \"best\" one|\"The \"\"best\"\" one\"",
                "=HYPERLINK(\"http://x\")|\"'=HYPERLINK(\"\"http://x\"\")\"",
                "=1+2|'=1+2",
                "+49 30 1234|'+49 30 1234",
                "-5 discount|'-5 discount",
                "@SUM(A1)|'@SUM(A1)",
                "a=b|a=b",
            })
    void textCellsAreQuotedAsRfc4180SaysAndNeverReadAsFormulas(String text, String written) {
        assertThat(write(csv -> csv.text(text).end())).isEqualTo(written + "\r\n");
    }

    @Test
    void tabsCarriageReturnsAndLineBreaksAreDefusedAndQuoted() {
        assertThat(write(csv -> csv.text("\tcmd").end())).isEqualTo("'\tcmd\r\n");
        assertThat(write(csv -> csv.text("\r=1").end())).isEqualTo("\"'\r=1\"\r\n");
        assertThat(write(csv -> csv.text("two\nlines").end())).isEqualTo("\"two\nlines\"\r\n");
    }

    @Test
    void numbersStayNumbersNegativeOnesIncluded() {
        assertThat(write(csv -> csv.number(new BigDecimal("-12.3400000000"))
                        .number(new BigDecimal("0E-10"))
                        .number(new BigDecimal("1500.00"))
                        .number(null)
                        .end()))
                .isEqualTo("-12.34,0,1500,\r\n");
    }

    @Test
    void rowsSeparateCellsWithCommasAndEndWithCrLf() {
        assertThat(write(csv -> csv.row("customer", "billed")
                        .text(null)
                        .date(LocalDate.of(2026, 10, 31))
                        .end()))
                .isEqualTo("customer,billed\r\n,2026-10-31\r\n");
    }

    private static String write(CsvBody body) {
        StringWriter out = new StringWriter();
        body.writeTo(new Csv(out));
        return out.toString();
    }
}
