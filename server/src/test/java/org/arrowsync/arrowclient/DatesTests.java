package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTests {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "08/30/2024            | 2024-08-30",
                "8/3/2024              | 2024-08-03",
                "30/08/2024            | 2024-08-30",
                "13/01/2024            | 2024-01-13",
                "30-08-2024            | 2024-08-30",
                "1-2-2024              | 2024-02-01",
                "2024-08-30            | 2024-08-30",
                "2024-08-30T10:15:00Z  | 2024-08-30",
                "2024-08-30 10:15:00   | 2024-08-30",
                "''                    | NULL",
                "NULL                  | NULL",
            })
    /** ISO, and an export's three output formats: a slashed date is month first unless its first number is no month. */
    void readsArrowDates(String text, String expected) {
        assertThat(Dates.localDate(text)).isEqualTo(expected == null ? null : LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "[{0}] is not a date")
    @CsvSource({
        "30.08.2024",
        "13/13/2024",
        "02/30/2024",
        "31-02-2024",
        "2024/08/30",
        "08-30-2024",
        "08/30/24",
        "yesterday",
        "2024-13-01",
        "2024-02-30",
        "2024-08-30X",
        "2024-8-30",
        "２０２４-08-30"
    })
    void refusesOtherDates(String text) {
        assertThatThrownBy(() -> Dates.localDate(text)).isInstanceOf(DateTimeException.class);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "2024-07     | 2024-07",
                "2024-07-01  | 2024-07",
                "2024-07-31T23:59:59Z | 2024-07",
                "' 2024-12 ' | 2024-12",
                "''          | NULL",
            })
    void readsReportPeriods(String text, String expected) {
        assertThat(Dates.yearMonth(text)).isEqualTo(expected == null ? null : YearMonth.parse(expected));
    }

    @ParameterizedTest(name = "[{0}] is not a period")
    @CsvSource({"07/2024", "2024-7", "2024-13", "July", "2024-00", "2024-07x", "2024-07-1x", "2024-07-"})
    void refusesOtherPeriods(String text) {
        assertThatThrownBy(() -> Dates.yearMonth(text)).isInstanceOf(DateTimeException.class);
    }
}
