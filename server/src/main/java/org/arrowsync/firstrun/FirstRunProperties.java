package org.arrowsync.firstrun;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A real Arrow API to configure on first start ({@code ARROWSYNC_ARROW_API_URL}, {@code _API_KEY},
 * {@code _EXPORT_TYPE}). The key never appears in {@link #toString()}.
 */
@ConfigurationProperties("arrowsync.arrow")
record FirstRunProperties(String apiUrl, String apiKey, String exportType) {

    boolean configured() {
        return apiUrl != null && !apiUrl.isBlank();
    }

    @Override
    public String toString() {
        return "FirstRunProperties[apiUrl=" + apiUrl + ", exportType=" + exportType + "]";
    }
}
