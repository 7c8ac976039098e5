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
                "Add a plugin by putting its jar on the class path (e.g. in samples/target/lib/)."})
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
            out.println("  from " + p.location() + " (" + p.className() + ", SPI v" + p.spiVersion() + ")");
            for (RegisteredTransform t : e.getValue()) {
                out.printf("  %-" + width + "s  %s%n", t.name(), t.descriptor().doc());
            }
            out.println();
        }
        out.println(registry.transforms().size() + " transforms from " + byProvider.size() + " providers. "
                + "'aug describe NAME' shows a transform's parameters.");
        if (!registry.problems().isEmpty()) {
            out.println(registry.problems().size() + " provider(s) could not be loaded; see the warnings above.");
        }
        return ExitCodes.OK;
    }
}
