package io.augment4j.cli;

import io.augment4j.api.io.AtomicFiles;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.cli.labels.LabelFormat;
import io.augment4j.api.batch.BatchExecutor;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aug apply}: batch augmentation of a folder tree, resumable, with a manifest for replay. */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Augment every image under --in into --copies outputs under --out, keeping the folder layout.",
                "Writes --out/manifest.jsonl (source, output and sampled parameters of every output) and",
                "--out/aug-spec.yaml. Re-running the same command skips finished outputs, so an interrupted",
                "run (Ctrl-C, kill, crash) resumes where it stopped; no half-written file is left in place.",
                "Unreadable inputs are reported and skipped; the exit code is then 1. A transform that throws",
                "(a plugin bug) is reported with its jar for each input it failed on; the exit code is then 2.",
                "With --labels, boxes and keypoints follow every geometric transform and are written beside each",
                "output (coco: --out/annotations.json); a missing or malformed label file skips its input.", ""},
        footer = {"", "Example:",
                "  aug apply --spec samples/specs/demo.yaml --in samples/images --out target/augmented --copies 4",
                "  aug apply --spec \"hflip(p=0.5) | rotate(limit=10)\" --in samples/yolo --out target/yolo --labels yolo"})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--spec", required = true, paramLabel = "SPEC",
            description = {"A YAML/JSON spec file, or an inline spec such as",
                    "\"hflip(p=0.5) | rotate(limit=15) | one_of(gaussian_blur, motion_blur)\"",
                    "(syntax: README.md, Pipeline specs, Inline syntax)."})
    String specArg;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Input folder (searched recursively).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "1",
            description = "Outputs per input (default: ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--engine", paramLabel = "E", defaultValue = "local",
            description = {"local (threads in this JVM; default) or spark (needs augment-spark and Spark's jars on",
                    "the class path: README.md, Running on Spark). Same outputs, byte for byte."})
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = {"Spark master for --engine spark: local[2], local[2,3] (3 attempts per task),",
                    "local-cluster[2,1,1024], spark://HOST:7077, yarn (default: spark-submit's, else local[*])."})
    String master;

    @Option(names = "--seed", paramLabel = "S", description = "Seed; overrides the spec's seed (default: the spec's, or 0).")
    Long seed;

    @Mixin
    LabelsOption labels;

    @Mixin
    MaxPixelsOption maxPixels;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 256) {
            throw new UsageException("--threads must be between 1 and 256, got " + t);
        }
        TransformRegistry registry = Registries.discover(spec, err);
        PipelineSpec pipelineSpec = SpecLoader.load(specArg, registry);
        LabelFormat labelFormat = labels.labels();
        if (labelFormat != null && !engine.equals("local")) {
            // Label files are read and written beside the images by the local engine only.
            throw new UsageException("--labels runs on the local engine only; drop --engine " + engine
                    + " or run without --labels");
        }
        AtomicFiles.deleteTempFilesOnExit();
        ApplyRun.Progress progress = quiet || System.console() == null ? new Messages(err) : new Bar(err);
        ApplyRun.Options options = new ApplyRun.Options(in, out, copies, seed, maxPixels.maxPixels, labelFormat);
        ApplyRun.Summary s;
        try (BatchExecutor executor = Engines.batch(engine, master, t)) {
            s = new ApplyRun(registry, pipelineSpec, options, executor, progress).run();
        }
        s.warnings().forEach(w -> err.println("aug: warning: " + w));
        stdout.printf("aug: %d input images; %d outputs written, %d already done; %d inputs failed%n",
                s.inputs(), s.written(), s.alreadyDone(), s.failures().size());
        if (labelFormat != null) {
            stdout.printf("aug: %s labels: %d boxes kept, %d dropped by the spec's targets: policy in the outputs"
                    + " written%n", labelFormat.id(), s.boxesKept(), s.boxesDropped());
        }
        stdout.println("aug: outputs in " + out.toAbsolutePath().normalize() + ", manifest " + s.manifest());
        if (!s.failures().isEmpty()) {
            err.println("aug: " + s.failures().size() + " input(s) failed:");
            s.failures().forEach(f -> err.println("  " + f));
        }
        if (s.transformFailures() > 0) {
            err.println("aug: " + s.transformFailures() + " of them failed in a transform's own code: a bug in that"
                    + " transform, named above with its jar ('aug preview --verbose' on one of them shows where)");
        }
        return s.exitCode();
    }

    /** Messages only. */
    private static class Messages implements ApplyRun.Progress {
        final PrintWriter err;

        Messages(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void message(String line) {
            err.println(line);
            err.flush();
        }
    }

    /** A progress bar on stderr (me.tongfei.progressbar); messages go above it. */
    private static final class Bar extends Messages {
        private ProgressBar bar;

        Bar(PrintWriter err) {
            super(err);
        }

        @Override
        public synchronized void start(int inputs) {
            PrintStream stream = System.err;
            bar = new ProgressBarBuilder().setTaskName("aug apply").setInitialMax(inputs).setUnit(" img", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(stream)).build();
        }

        @Override
        public synchronized void step() {
            if (bar != null) {
                bar.step();
            }
        }

        @Override
        public synchronized void message(String line) {
            if (bar != null) {
                System.err.print("\r\033[K");
            }
            super.message(line);
        }

        @Override
        public synchronized void done() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
