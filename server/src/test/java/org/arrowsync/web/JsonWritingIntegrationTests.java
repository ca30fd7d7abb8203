package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/** The mapper that writes the API's answers reads their fields through generated accessors (D155). */
class JsonWritingIntegrationTests extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void theAnswersMapperReadsFieldsThroughBlackbird() {
        assertThat(json.registeredModules()).extracting(JacksonModule::getClass).contains(BlackbirdModule.class);
    }
}
