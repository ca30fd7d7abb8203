package org.arrowsync.arrowclient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON literals for tests, written with single quotes for readability. */
final class TestJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestJson() {}

    static JsonNode json(String singleQuoted) {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
