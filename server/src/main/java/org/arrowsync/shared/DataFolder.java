package org.arrowsync.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The folder holding the embedded database and the generated admin token ({@code ARROWSYNC_DATA_DIR}). */
@ConfigurationProperties("arrowsync.data")
public record DataFolder(@DefaultValue("./data") Path dir) {

    public Path path() {
        return dir;
    }
}
