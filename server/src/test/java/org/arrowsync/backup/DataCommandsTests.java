package org.arrowsync.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.arrowsync.backup.BackupRestoreIntegrationTests.Command;
import org.junit.jupiter.api.Test;

/** The jar's first argument: an option starts the server; any word is a command, a mistyped one refused. */
class DataCommandsTests {

    @Test
    void aMistypedCommandIsRefusedInsteadOfStartingTheServer() {
        assertThat(DataCommands.handles(new String[] {"bakup", "my.backup.gz"})).isTrue();
        assertThat(DataCommands.handles(new String[] {"--server.port=8081"})).isFalse();
        assertThat(DataCommands.handles(new String[0])).isFalse();

        Command mistyped = Command.run("bakup", "my.backup.gz");

        assertThat(mistyped.status()).isEqualTo(2);
        assertThat(mistyped.output()).contains("Unknown command bakup.").contains("Usage: java -jar");
        assertThat(Command.run("restore").status())
                .as("a command without its file")
                .isEqualTo(2);
    }
}
