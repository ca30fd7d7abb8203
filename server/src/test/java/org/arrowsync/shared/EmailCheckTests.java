package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailCheckTests {

    @ParameterizedTest(name = "[{0}] is an e-mail address: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ops@example.com | true",
                "a@b.c | true",
                "first.last+tag@mail.example.co.uk | true",
                "a@.b.c | true",
                "@example.com | false",
                "ops@ | false",
                "ops@example | false",
                "ops@example. | false",
                "ops@.com | false",
                "ops@@example.com | false",
                "o@ps@example.com | false",
                "'ops @example.com' | false",
                "ops@exa mple.com | false",
            })
    void acceptsWhatTheRuleAccepts(String value, boolean valid) {
        assertThat(FieldErrors.isEmail(value)).isEqualTo(valid);
    }

    @Test
    void aHugeValueIsCheckedInOnePass() {
        // a regular expression of the same rule backtracked over this for seconds
        String hostile = "a@" + "a.".repeat(20_000) + " ";
        long started = System.nanoTime();
        assertThat(FieldErrors.isEmail(hostile)).isFalse();
        assertThat(FieldErrors.isEmail("a@" + "b".repeat(40_000) + ".c")).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void aValueTooLongIsNotCheckedAgain() {
        FieldErrors errors = new FieldErrors();
        String value = "x".repeat(40_000);
        errors.maxLength("email", value, 75);
        errors.email("email", value);
        try {
            errors.throwIfAny();
        } catch (InvalidInput refused) {
            assertThat(refused.errors().get("email"))
                    .containsExactly("Ensure this field has no more than 75 characters.");
            return;
        }
        throw new AssertionError("no error");
    }
}
