package org.arrowsync.firstrun;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code ARROWSYNC_DEMO=false} keeps a server without Arrow configuration from starting the demo. */
@ConfigurationProperties("arrowsync.demo")
record DemoProperties(@DefaultValue("true") boolean enabled) {}
