package io.augment4j.cli;

import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.run.RunInterruptedException;
import io.augment4j.trainer.run.TrainingRun;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aug train}: trains a classifier from a config, writes the run folder, diagnoses bias and variance. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an image classifier from a YAML/JSON config (see trainer/CONFIG.md for every field).",
                "The run folder gets history.csv/json, curves.png, split.json, normalization.json, the model and",
                "report.md with the bias/variance diagnosis. Ctrl-C keeps the last epoch's checkpoint;",
                "continue with: aug train --resume DIR"},
        footer = {"", "Examples:", "  aug train --config configs/fashion-mnist.yaml",
                "  aug train --resume runs/fashion-mnist"})
final class TrainCommand implements Callable<Integer> {
    /** Exit code after Ctrl-C, as shells report SIGINT. */
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--config", paramLabel = "FILE", required = true, description = "The training config.")
        Path config;

        @Option(names = "--resume", paramLabel = "DIR", required = true,
                description = "Continue the interrupted run in DIR (its saved config, split and checkpoint).")
        Path resume;
    }

    @Option(names = "--out", paramLabel = "DIR",
            description = "Run folder (default: the config's output_dir, else runs/<config name>).")
    Path out;

    @Override
    public Integer call() {
        PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        TransformRegistry registry = Registries.discover(spec, spec.commandLine().getErr());
        try {
            if (what.resume != null) {
                TrainingRun.start(registry, null, what.resume, true, stdout);
            } else {
                TrainingRun.start(registry, what.config, out, false, stdout);
            }
            return ExitCodes.OK;
        } catch (RunInterruptedException e) {
            return INTERRUPTED;
        }
    }
}
