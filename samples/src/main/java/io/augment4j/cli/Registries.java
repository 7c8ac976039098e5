package io.augment4j.cli;

import io.augment4j.api.registry.LoadProblem;
import io.augment4j.api.registry.TransformRegistry;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Registry discovery for the commands: the class path plus the folders given with {@code --plugins} (before or
 * after the subcommand); providers that failed to load are reported as warnings naming their jar, and skipped.
 */
final class Registries {
    private Registries() {
    }

    static TransformRegistry discover(CommandSpec command, PrintWriter err) {
        TransformRegistry r = TransformRegistry.discover(pluginFolders(command));
        for (LoadProblem p : r.problems()) {
            err.println("aug: warning: skipped transform provider " + p.source() + ": " + p.reason());
        }
        return r;
    }

    /** The {@code --plugins} folders given on this command or any command above it. */
    static List<Path> pluginFolders(CommandSpec command) {
        LinkedHashSet<Path> folders = new LinkedHashSet<>();
        for (CommandSpec c = command; c != null; c = c.parent()) {
            OptionSpec o = c.findOption("--plugins");
            if (o != null && o.getValue() != null) {
                List<Path> given = o.getValue();
                folders.addAll(given);
            }
        }
        return new ArrayList<>(folders);
    }
}
