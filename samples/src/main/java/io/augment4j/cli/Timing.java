package io.augment4j.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;

/** Phase timings on stderr when the environment variable {@code AUG_TIMING} is set (for BENCHMARKS). */
final class Timing {
    private final PrintWriter err;
    private final boolean on = System.getenv("AUG_TIMING") != null;
    private long last = System.nanoTime();

    Timing(PrintWriter err) {
        this.err = err;
        if (on) {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            err.printf("aug: timing: %5d ms  JVM start to command%n", sinceStart);
        }
    }

    void mark(String phase) {
        if (on) {
            long now = System.nanoTime();
            err.printf("aug: timing: %5d ms  %s%n", (now - last) / 1_000_000, phase);
            last = now;
        }
    }
}
