package org.arrowsync.database;

import org.arrowsync.shared.DataFolder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Refuses a data folder of another PostgreSQL major as soon as the configuration is known, before the server starts
 * anything, so the operator reads one message rather than the same one echoed by every part that was starting.
 */
public final class DataFolderCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        if (environment.getProperty("spring.datasource.url", "").isBlank()) {
            DataFolder folder = Binder.get(environment).bindOrCreate("arrowsync.data", DataFolder.class);
            EmbeddedDatabase.refuseOtherMajor(folder.path());
        }
    }
}
