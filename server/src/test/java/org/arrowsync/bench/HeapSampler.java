package org.arrowsync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.concurrent.atomic.AtomicLong;

/** Samples another JVM's used heap with {@code jstat -gc} and keeps the peak since the last {@link #reset}, in MiB. */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final AtomicLong peakKb = new AtomicLong();
    private final AtomicLong peakOldKb = new AtomicLong();
    private final Thread reader;

    HeapSampler(long pid) throws IOException {
        jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "200")
                .redirectErrorStream(true)
                .start();
        reader = new Thread(this::read, "heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
            String header = lines.readLine();
            if (header == null) {
                return;
            }
            String[] names = header.trim().split("\\s+");
            String line;
            while ((line = lines.readLine()) != null) {
                String[] values = line.trim().split("\\s+");
                if (values.length != names.length || values[0].equals(names[0])) {
                    continue;
                }
                double used = 0;
                double old = 0;
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals("OU")) {
                        old = Double.parseDouble(values[i]);
                    }
                    if (names[i].equals("S0U")
                            || names[i].equals("S1U")
                            || names[i].equals("EU")
                            || names[i].equals("OU")) {
                        used += Double.parseDouble(values[i]);
                    }
                }
                peakKb.accumulateAndGet((long) used, Math::max);
                peakOldKb.accumulateAndGet((long) old, Math::max);
            }
        } catch (IOException | NumberFormatException e) {
            // the sampled JVM went away: the peak so far stands
        }
    }

    /** Starts the peaks over, as of now. */
    void reset() {
        peakKb.set(0);
        peakOldKb.set(0);
    }

    /** The most heap in use at once, garbage not yet collected included. */
    long peakMib() {
        return peakKb.get() / 1024;
    }

    /** The most the old generation held at once: what outlived the young collections. */
    long peakOldMib() {
        return peakOldKb.get() / 1024;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
