package org.arrowsync.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values were computed with python3's {@code difflib.SequenceMatcher(None, a, b).ratio()}. */
class SequenceMatcherTests {

    static Stream<Arguments> pythonRatios() {
        return Stream.of(
                Arguments.of("contoso", "contoso ltd", 0.7777777777777778),
                Arguments.of("fabrikam, inc.", "fabrikam inc", 0.9230769230769231),
                Arguments.of("northwind trading", "northwind traders", 0.8235294117647058),
                Arguments.of("adventure works", "adventure works cycles", 0.8108108108108109),
                Arguments.of("tailspin toys co.", "tailspin toys", 0.8666666666666667),
                Arguments.of("contoso", "tailspin toys", 0.4),
                Arguments.of("", "", 1.0),
                Arguments.of("abc", "", 0.0),
                Arguments.of("azure plan", "microsoft azure plan", 0.6666666666666666),
                Arguments.of("office 365 e3", "microsoft 365 e3", 0.6206896551724138),
                Arguments.of("aaaa", "aa", 0.6666666666666666),
                Arguments.of("abcd", "dcba", 0.25),
                Arguments.of("private", "privet", 0.7692307692307693),
                Arguments.of("wikimedia", "wikipedia", 0.8888888888888888),
                // 200+ characters: difflib's autojunk drops popular characters of the second string
                Arguments.of("ab".repeat(150), "ba".repeat(120) + "ab".repeat(30), 0.0),
                Arguments.of("x".repeat(10) + "abc".repeat(70), "abc".repeat(70) + "y".repeat(10), 0.0),
                Arguments.of("contoso azure subscription ".repeat(8), "fabrikam azure plan ".repeat(10) + "zq", 0.0),
                Arguments.of(
                        "the quick brown fox ".repeat(12),
                        "the quick brown fox ".repeat(11) + "jumps over the lazy dog",
                        0.9109730848861284));
    }

    @ParameterizedTest
    @MethodSource("pythonRatios")
    void equalsPythonDifflibRatio(String a, String b, double expected) {
        assertThat(SequenceMatcher.ratio(a, b)).isEqualTo(expected);
    }
}
