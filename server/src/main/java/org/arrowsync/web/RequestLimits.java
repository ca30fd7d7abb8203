package org.arrowsync.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one request may hold, for every endpoint alike: far above what the API needs, far below what would cost the
 * server memory or time.
 *
 * @param maxBodySize the largest request body (413 above it)
 * @param maxQueryLength the longest query string (414 above it)
 * @param maxParameterLength the longest value of one query parameter (400 naming it)
 * @param maxParameters the most query parameters (400)
 * @param maxItems the most items of one list (or members of one object) in a JSON body (400 naming the field)
 */
@ConfigurationProperties("arrowsync.http")
record RequestLimits(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("8192") int maxQueryLength,
        @DefaultValue("2048") int maxParameterLength,
        @DefaultValue("100") int maxParameters,
        @DefaultValue("1000") int maxItems) {}
