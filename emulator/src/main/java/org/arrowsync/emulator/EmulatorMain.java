package org.arrowsync.emulator;

/** Command-line entry point of the ArrowSphere emulator. */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) {
        System.out.println("arrowsync emulator: not built yet");
    }
}
