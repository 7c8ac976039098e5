package io.augment4j.cli;

import io.augment4j.api.registry.RegisteredTransform;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spi.OutputSize;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Range;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code aug describe NAME}: a transform's parameters, types, defaults, allowed values and an example spec line. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show a transform's parameters (type, default, allowed values, meaning) and example spec lines.")
final class DescribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Transform name, as 'aug list' prints it.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TransformRegistry registry = Registries.discover(spec, spec.commandLine().getErr());
        RegisteredTransform t = registry.get(name);
        out.println(t.name() + ": " + t.descriptor().doc());
        out.println("provider: " + t.provider().displayName() + " ("
                + t.provider().location() + ")");
        if (t.descriptor().outputSize() == OutputSize.MAY_CHANGE) {
            out.println("output size: may differ from the input's");
        }
        out.println();
        out.println("parameters:");
        out.println("  p  (number, default 1)");
        out.println("      probability of applying this step; every transform has it");
        out.println("      allowed: a number in [0, 1]");
        for (ParamSpec p : t.descriptor().params()) {
            out.println("  " + p.name() + "  (" + typeName(p) + ", "
                    + (p.required() ? "required" : "default " + format(p.defaultValue())) + ")");
            out.println("      " + p.doc());
            out.println("      allowed: " + p.allowed());
        }
        out.println();
        out.println("example, in a YAML spec file:");
        out.println("  transforms:");
        out.println("    - " + yamlExample(t));
        out.println("inline (--spec \"...\"):");
        out.println("  " + inlineExample(t));
        return ExitCodes.OK;
    }

    static String typeName(ParamSpec p) {
        return switch (p.type()) {
            case BOOLEAN -> "boolean";
            case INT -> "whole number";
            case DOUBLE -> "number";
            case CHOICE -> "choice";
            case RANGE -> "range";
            case DOUBLES -> "list of numbers";
        };
    }

    /** A value as specs write it: 15, 0.5, [-15, 15], reflect, true. */
    static String format(Object v) {
        if (v instanceof Range r) {
            return "[" + ParamSpec.formatNumber(r.lo()) + ", " + ParamSpec.formatNumber(r.hi()) + "]";
        }
        if (v instanceof Double d) {
            return ParamSpec.formatNumber(d);
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(format(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(v);
    }

    /** A value for the example: the default, or for a required parameter something allowed. */
    static String exampleValue(ParamSpec p) {
        if (!p.required()) {
            return format(p.defaultValue());
        }
        double lo = Double.isInfinite(p.min()) ? 0 : p.min();
        double hi = Double.isInfinite(p.max()) ? Math.max(lo, 1) : p.max();
        double mid = Math.min(Math.max((lo + hi) / 2, lo), hi);
        return switch (p.type()) {
            case BOOLEAN -> "true";
            case CHOICE -> p.choices().get(0);
            case INT -> String.format(Locale.ROOT, "%d", (long) Math.floor(mid));
            case DOUBLE -> ParamSpec.formatNumber(mid);
            case RANGE -> "[" + ParamSpec.formatNumber(lo) + ", " + ParamSpec.formatNumber(mid) + "]";
            case DOUBLES -> "[" + ParamSpec.formatNumber(mid) + "]";
        };
    }

    static String yamlExample(RegisteredTransform t) {
        StringBuilder sb = new StringBuilder("{transform: ").append(t.name()).append(", p: 0.5");
        for (ParamSpec p : t.descriptor().params()) {
            sb.append(", ").append(p.name()).append(": ").append(exampleValue(p));
        }
        return sb.append('}').toString();
    }

    static String inlineExample(RegisteredTransform t) {
        StringBuilder sb = new StringBuilder(t.name()).append("(p=0.5");
        for (ParamSpec p : t.descriptor().params()) {
            sb.append(", ").append(p.name()).append('=').append(exampleValue(p));
        }
        return sb.append(')').toString();
    }
}
