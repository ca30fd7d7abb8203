package org.arrowsync.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the built server jar as the benchmarks and the reliability report run it: the test admin token,
 * no demo data and no periodic jobs (what they measure is what they trigger), and the emulator as Arrow, which answers
 * plain http on loopback without a rate limit worth the name.
 */
public final class ServerJarCommand {

    private ServerJarCommand() {}

    /** {@code jvm} options go before {@code -jar}, {@code arguments} after the common ones. */
    public static List<String> of(String maxHeap, List<String> jvm, int port, Path dataFolder, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + maxHeap));
        command.addAll(jvm);
        command.addAll(List.of(
                "-jar",
                "server/target/arrowsync-server.jar",
                "--server.port=" + port,
                "--arrowsync.data.dir=" + dataFolder,
                "--arrowsync.admin-token=" + Api.ADMIN_TOKEN,
                "--arrowsync.demo.enabled=false",
                "--arrowsync.jobs.schedules-enabled=false",
                "--arrowsync.arrow.client.requests-per-second=1000",
                "--arrowsync.arrow.client.allow-http=true"));
        command.addAll(arguments);
        return command;
    }
}
