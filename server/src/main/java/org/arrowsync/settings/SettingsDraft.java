package org.arrowsync.settings;

/**
 * What a settings record should become. A null field is "not given": on create it takes the default, on update it keeps
 * the current value (so an omitted {@code apiKey} keeps the key). The key never appears in {@link #toString()}.
 */
public record SettingsDraft(
        String apiUrl,
        String apiKey,
        String exportTypeReference,
        String classificationFilter,
        Boolean active,
        Boolean syncEnabled,
        String priceSource,
        String itemPrefix,
        String currency) {

    /**
     * A new active record as the setup wizard and first start create it: default price source and prefix; a null export
     * template, classification filter or sync switch is not given.
     */
    public static SettingsDraft active(
            String apiUrl,
            String apiKey,
            String exportTypeReference,
            String classificationFilter,
            Boolean syncEnabled) {
        return new SettingsDraft(
                apiUrl, apiKey, exportTypeReference, classificationFilter, true, syncEnabled, null, null, null);
    }

    @Override
    public String toString() {
        return "SettingsDraft[apiUrl=" + apiUrl + ", active=" + active + "]";
    }
}
