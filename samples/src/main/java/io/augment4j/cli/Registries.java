package io.augment4j.cli;

import io.augment4j.api.registry.LoadProblem;
import io.augment4j.api.registry.TransformRegistry;

import java.io.PrintWriter;

/** Registry discovery for the commands: providers that failed to load are reported as warnings, once. */
final class Registries {
    private Registries() {
    }

    static TransformRegistry discover(PrintWriter err) {
        TransformRegistry r = TransformRegistry.discover();
        for (LoadProblem p : r.problems()) {
            err.println("aug: warning: skipped transform provider " + p.source() + ": " + p.reason());
        }
        return r;
    }
}
