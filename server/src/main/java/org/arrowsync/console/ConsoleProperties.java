package org.arrowsync.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How console sessions behave: signed out after {@code idleTimeout} without an action of the user (the live updates a
 * page polls for do not count), and how many wrong passwords a username or a client address may send before sign-in is
 * refused for {@code lockout}.
 */
@ConfigurationProperties("arrowsync.console")
record ConsoleProperties(
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("5") int failuresPerUsername,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("15m") Duration lockout) {}
