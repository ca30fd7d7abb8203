package org.arrowsync.emulator.data;

/** The data sets the emulator loads, by name: {@code demo} (a few realistic customers) and {@code scale}. */
public final class Presets {

    public static final String DEMO = "demo";
    public static final String SCALE = "scale";

    private Presets() {}

    /** The preset, if the emulator knows it. */
    public static String requireKnown(String preset) {
        if (!DEMO.equals(preset) && !SCALE.equals(preset)) {
            throw new IllegalArgumentException("unknown preset: " + preset);
        }
        return preset;
    }

    /** The preset's shape unless told otherwise. */
    public static ScaleOptions defaultShape(String preset) {
        return SCALE.equals(requireKnown(preset)) ? ScaleOptions.large() : ScaleOptions.demo();
    }
}
