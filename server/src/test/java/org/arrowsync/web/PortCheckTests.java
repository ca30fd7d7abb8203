package org.arrowsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.arrowsync.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as an operator starts it, on a port another program holds. */
class PortCheckTests {

    @Test
    void aBusyPortIsRefusedBeforeTheDatabaseStarts(@TempDir Path folder) throws IOException, InterruptedException {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            Path log = folder.resolve("server.log");
            Process server = new ProcessBuilder(
                            ProcessHandle.current().info().command().orElse("java"),
                            "-cp",
                            System.getProperty("java.class.path"),
                            Application.class.getName(),
                            "--server.port=" + port,
                            "--arrowsync.data.dir=" + folder.resolve("data"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!server.waitFor(120, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(server.exitValue()).as(output).isNotZero();
            assertThat(output)
                    .contains("Port " + port + " is already in use by another program.", "SERVER_PORT=" + (port + 1))
                    .doesNotContain(
                            "Embedded PostgreSQL started", "Exception encountered during context initialization");
            assertThat(folder.resolve("data")).as("no database was created").doesNotExist();
        }
    }
}
