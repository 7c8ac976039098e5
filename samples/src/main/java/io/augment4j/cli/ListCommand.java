package io.augment4j.cli;

import io.augment4j.api.registry.ProviderInfo;
import io.augment4j.api.registry.RegisteredTransform;
import io.augment4j.api.registry.TransformRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code aug list}: every discovered transform, grouped by the provider (and jar) it came from. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List every transform found on the class path, built-in and plugins, with its provider and jar.",
                "Add a plugin by putting its jar on the class path (e.g. in samples/target/lib/) or in a folder",
                "named with --plugins DIR. Providers that fail to load are reported as warnings, naming their jar."})
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--names", description = "Print only the names, one per line.")
    boolean namesOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TransformRegistry registry = Registries.discover(spec, spec.commandLine().getErr());
        if (namesOnly) {
            registry.names().forEach(out::println);
            return ExitCodes.OK;
        }
        Map<ProviderInfo, List<RegisteredTransform>> byProvider = new LinkedHashMap<>();
        for (RegisteredTransform t : registry.transforms()) {
            byProvider.computeIfAbsent(t.provider(), k -> new ArrayList<>()).add(t);
        }
        int width = registry.names().stream().mapToInt(String::length).max().orElse(8);
        for (Map.Entry<ProviderInfo, List<RegisteredTransform>> e : byProvider.entrySet()) {
            ProviderInfo p = e.getKey();
            out.println(p.displayName() + (p.version() == null || p.version().equals("unknown") ? "" : " " + p.version()));
            // The full path, as JUnit's engine registry logs it: two copies of one jar must be told apart.
            out.println("  from " + p.location() + " (" + p.className() + ", SPI v" + p.spiVersion() + ")");
            for (RegisteredTransform t : e.getValue()) {
                out.printf("  %-" + width + "s  %s%n", t.name(), t.descriptor().doc());
            }
            out.println();
        }
        if (byProvider.isEmpty()) {
            // As SLF4J does with no binding: say plainly that nothing was found and what to add.
            out.println("No transforms: " + (registry.problems().isEmpty() ? "no transform provider was found"
                    : "no transform provider loaded") + ". Put augment-opencv (the built-in transforms) or plugin jars"
                    + " on the class path, or name a plugin folder with --plugins DIR.");
        } else {
            out.println(count(registry.transforms().size(), "transform") + " from "
                    + count(byProvider.size(), "provider") + ". 'aug describe NAME' shows a transform's parameters.");
        }
        if (!registry.problems().isEmpty()) {
            out.println(count(registry.problems().size(), "provider") + " could not be loaded; see the warnings above.");
        }
        return ExitCodes.OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
