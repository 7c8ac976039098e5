package io.augment4j.trainer.run;

import io.augment4j.api.AugmentException;
import io.augment4j.api.registry.TransformRegistry;
import java.nio.file.Path;

/**
 * A bare command line over {@link TrainingRun} and {@link Evaluation}, for running the trainer
 * module on its own (the {@code aug} CLI in {@code samples} offers the same as {@code aug train}
 * and {@code aug evaluate}):
 *
 * <pre>
 * java -Dai.djl.offline=true -cp ... io.augment4j.trainer.run.TrainMain train --config configs/fashion-mnist.yaml [--out DIR]
 * java ... TrainMain train --resume DIR
 * java ... TrainMain evaluate --model DIR [--data FOLDER|CONFIG]
 * </pre>
 *
 * Exit status: 0 done, 1 user error (message printed, no stack trace), 2 usage, 130 interrupted.
 */
public final class TrainMain {

    private TrainMain() {}

    /** @param args see the class comment */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            return usage();
        }
        Path config = null;
        Path out = null;
        Path resume = null;
        Path model = null;
        String data = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                return usage();
            }
            String v = args[++i];
            switch (a) {
                case "--config" -> config = Path.of(v);
                case "--out" -> out = Path.of(v);
                case "--resume" -> resume = Path.of(v);
                case "--model" -> model = Path.of(v);
                case "--data" -> data = v;
                default -> {
                    return usage();
                }
            }
        }
        try {
            // A command line of its own: the transforms on the class path (the aug CLI adds plugin folders).
            TransformRegistry registry = TransformRegistry.discover();
            if (args[0].equals("train")) {
                if (resume != null) {
                    TrainingRun.start(registry, config, resume, true, System.out);
                } else if (config != null) {
                    TrainingRun.start(registry, config, out, false, System.out);
                } else {
                    return usage();
                }
            } else if (args[0].equals("evaluate") && model != null) {
                Evaluation.run(registry, model, data, System.out);
            } else {
                return usage();
            }
            return 0;
        } catch (RunInterruptedException e) {
            return 130;
        } catch (AugmentException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int usage() {
        System.err.println("usage: train --config FILE [--out DIR] | train --resume DIR"
                + " | evaluate --model DIR [--data FOLDER|CONFIG]");
        return 2;
    }
}
