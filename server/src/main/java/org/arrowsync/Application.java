package org.arrowsync;

import java.time.Clock;
import org.arrowsync.backup.DataCommands;
import org.arrowsync.database.DataFolderCheck;
import org.arrowsync.web.PortCheck;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    /** Starts the server, or runs a data command ({@code backup FILE}, {@code restore FILE}, {@code upgrade-data}). */
    public static void main(String[] args) {
        if (DataCommands.handles(args)) {
            System.exit(new DataCommands(Clock.systemUTC(), System.out, System.err).run(args));
        }
        new SpringApplicationBuilder(Application.class)
                .listeners(new DataFolderCheck(), new PortCheck())
                .run(args);
    }
}
