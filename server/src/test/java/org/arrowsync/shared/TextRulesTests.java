package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTests {

    @Test
    void refusesWhatNoTextMayHold() {
        assertThat(TextRules.problem("plain text, ünïcödé, 日本, 😀", false)).isNull();
        assertThat(TextRules.problem("a\u0000b", true)).isEqualTo("Null characters are not allowed.");
        assertThat(TextRules.problem("a\u0007b", true)).isEqualTo("Control characters are not allowed.");
        assertThat(TextRules.problem("a\u007fb", true)).isEqualTo("Control characters are not allowed.");
        assertThat(TextRules.problem("a\ud800b", true)).isEqualTo("Surrogate characters are not allowed: U+D800.");
        assertThat(TextRules.problem("a\udc00", true)).isEqualTo("Surrogate characters are not allowed: U+DC00.");
    }

    @Test
    void lineBreaksAndTabsAreTextInABodyOnly() {
        assertThat(TextRules.problem("line\r\nnext\ttab", true)).isNull();
        assertThat(TextRules.problem("line\r\nnext", false)).isEqualTo("Control characters are not allowed.");
    }

    @Test
    void aPathIsCanonicalWhenRoutingAndTheChecksReadItAlike() {
        assertThat(TextRules.canonicalPath("/")).isTrue();
        assertThat(TextRules.canonicalPath("/api/admin/arrow/settings/")).isTrue();
        assertThat(TextRules.canonicalPath("/api/%61dmin/arrow/settings/")).isTrue();
        assertThat(TextRules.canonicalPath("/api;x=1/admin/")).isTrue();
        assertThat(TextRules.canonicalPath("/x/../api/admin/")).isFalse();
        assertThat(TextRules.canonicalPath("/api/./admin/")).isFalse();
        assertThat(TextRules.canonicalPath("/api/%2e%2e/admin/")).isFalse();
        assertThat(TextRules.canonicalPath("/api/..;x=1/admin/")).isFalse();
        assertThat(TextRules.canonicalPath("/api//admin/")).isFalse();
        assertThat(TextRules.canonicalPath("/api/%5cadmin/")).isFalse();
        assertThat(TextRules.canonicalPath("/api/%00/")).isFalse();
        assertThat(TextRules.canonicalPath("/api/%zz/")).isFalse();
    }
}
