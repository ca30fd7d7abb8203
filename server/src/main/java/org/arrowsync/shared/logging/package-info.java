/** Log layout parts that keep stored secrets out of every log line, wired by logback-spring.xml. */
package org.arrowsync.shared.logging;
