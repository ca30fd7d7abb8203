package org.arrowsync.emulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Active fault rules. The first matching rule whose dice roll succeeds fires; the RNG is seeded so a probabilistic
 * scenario replays identically for the same seed and request order.
 */
public final class Faults {

    private final List<Fault> rules = new ArrayList<>();
    private Random random;

    public Faults(long seed) {
        random = new Random(seed);
    }

    public synchronized void add(Fault fault) {
        rules.add(fault);
    }

    public synchronized void clear(long seed) {
        rules.clear();
        random = new Random(seed);
    }

    public synchronized List<Fault> active() {
        return List.copyOf(rules);
    }

    public synchronized Optional<Fault> draw(Family family) {
        for (int i = 0; i < rules.size(); i++) {
            Fault rule = rules.get(i);
            if (!rule.appliesTo(family) || (rule.probability() < 1.0 && random.nextDouble() >= rule.probability())) {
                continue;
            }
            Fault left = rule.consumeOne();
            if (left.exhausted()) {
                rules.remove(i);
            } else {
                rules.set(i, left);
            }
            return Optional.of(rule);
        }
        return Optional.empty();
    }
}
