package io.augment4j.cli;

import io.augment4j.trainer.run.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aug evaluate}: a trained model's loss and accuracy on a data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a trained model: loss, accuracy and error on a data set.",
        footer = {"", "Examples:", "  aug evaluate --model runs/fashion-mnist                 (its test split)",
                "  aug evaluate --model runs/fashion-mnist --data photos/  (one sub-folder per class)"})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true,
            description = "A run folder (with model/) or a model folder.")
    Path model;

    @Option(names = "--data", paramLabel = "FOLDER|CONFIG|test",
            description = "A folder with one sub-folder per class, a training config (its test set), "
                    + "or 'test' (default): the run's own test split.")
    String data;

    @Override
    public Integer call() {
        // The run's config is read whole, so its augmentation's transforms (plugins too) must be known.
        Evaluation.run(Registries.discover(spec, spec.commandLine().getErr()), model, data,
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
        return ExitCodes.OK;
    }
}
