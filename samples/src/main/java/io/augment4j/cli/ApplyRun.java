package io.augment4j.cli;

import io.augment4j.api.AugmentException;
import io.augment4j.api.TransformFailedException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.io.AtomicFiles;
import io.augment4j.api.io.ImageFiles;
import io.augment4j.api.io.ImageReadException;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineCache;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spec.Specs;
import io.augment4j.api.batch.BatchExecutor;
import io.augment4j.api.batch.BatchTask;
import io.augment4j.api.batch.OutputNames;
import io.augment4j.api.batch.PathSeeds;
import io.augment4j.api.batch.TaskListener;
import io.augment4j.cli.labels.CocoLabels;
import io.augment4j.cli.labels.ImageLabels;
import io.augment4j.cli.labels.LabelFormat;
import io.augment4j.cli.labels.YoloLabels;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One {@code aug apply} run: augments every image under an input folder into {@code copies} outputs under an output
 * folder, keeping the relative layout, through a {@link BatchExecutor}.
 *
 * <ul>
 *   <li><b>Deterministic.</b> Copy {@code k} of input {@code rel} uses the generator {@code Rng.of(seed, key(rel), k)}
 *       with {@code key} a hash of the relative path: the same output whatever the thread count, order or re-run.
 *   <li><b>Resumable.</b> Outputs are written to a temporary name and renamed into place; a manifest line is appended
 *       (and flushed) once an input's outputs are in place. A re-run skips every output the manifest lists and that
 *       exists, cuts off a torn manifest line, deletes left-over temporary files and redoes the rest; outputs that
 *       were renamed but not yet recorded are simply made again, identically.
 *   <li><b>Contained.</b> Output paths are resolved inside the output folder and checked again after symbolic links
 *       are resolved.
 *   <li><b>Robust.</b> An input that cannot be read is reported (file and reason) and skipped; the others go on.
 *   <li><b>Labels.</b> With a {@link LabelFormat}, each input's boxes and keypoints ride through the pipeline with
 *       the image (filtered by the spec's {@code targets:} policy). A label file beside the output is written
 *       atomically <em>before</em> the image and deleted if the image cannot be written, and the manifest line
 *       comes last: an image in place always has its labels, and a crash in between leaves at most a label file
 *       whose image the re-run writes. A missing or malformed label file skips its input before anything of it
 *       is written. For COCO the outputs' annotations travel in the manifest and {@value #COCO_FILE} is rebuilt
 *       from it at the end of every run, so resumed runs and any thread count give the same file. A YOLO
 *       {@code classes.txt} at the top of the input folder is copied to the output folder.
 * </ul>
 *
 * The spec used (with its effective seed) is saved as {@value #SPEC_FILE} in the output folder; {@code aug replay}
 * reads it, and a re-run with a different spec into the same folder is refused.
 */
public final class ApplyRun {
    /** The spec the outputs were made with, in the output folder. */
    public static final String SPEC_FILE = "aug-spec.yaml";
    /** The default manifest name, in the output folder. */
    public static final String MANIFEST_FILE = "manifest.jsonl";
    /** The COCO annotations of the outputs, in the output folder, with {@code --labels coco}. */
    public static final String COCO_FILE = "annotations.json";

    /**
     * What to do.
     *
     * @param in input folder
     * @param out output folder (created if missing)
     * @param copies outputs per input, at least 1
     * @param seed seed overriding the spec's, or null
     * @param maxPixels pixel limit per input image
     * @param labels how each image's boxes and keypoints are read and written, or {@code null} for images alone
     */
    public record Options(Path in, Path out, int copies, Long seed, long maxPixels, LabelFormat labels) {
        /** Images alone, no labels. */
        public Options(Path in, Path out, int copies, Long seed, long maxPixels) {
            this(in, out, copies, seed, maxPixels, null);
        }
    }

    /**
     * What happened.
     *
     * @param inputs image files found
     * @param written outputs written by this run
     * @param alreadyDone outputs skipped because an earlier run finished them
     * @param failures one message per input that failed (file and reason)
     * @param transformFailures how many of those failed because a transform's own code threw (a plugin bug)
     * @param warnings things skipped on purpose or repaired (symlink loops, a torn manifest line, ...)
     * @param manifest the manifest file
     * @param boxesKept with labels: boxes in the outputs written by this run
     * @param boxesDropped with labels: input boxes the targets policy dropped from the outputs of this run
     */
    public record Summary(int inputs, int written, int alreadyDone, List<String> failures, int transformFailures,
                          List<String> warnings, Path manifest, int boxesKept, int boxesDropped) {
        /** {@link ExitCodes#USAGE} when a transform failed (the spec cannot run as asked), else 1 if inputs failed. */
        public int exitCode() {
            if (transformFailures > 0) {
                return ExitCodes.USAGE;
            }
            return failures.isEmpty() ? ExitCodes.OK : ExitCodes.INPUT_FAILED;
        }
    }

    /** Hears of progress; the command line shows a bar. Implementations must be thread-safe. */
    public interface Progress {
        Progress NONE = new Progress() {
        };

        /** The work is known: {@code inputs} inputs to process. */
        default void start(int inputs) {
        }

        /** One input finished (or failed). */
        default void step() {
        }

        /** A message to show without garbling the bar. */
        default void message(String line) {
        }

        /** The run is over. */
        default void done() {
        }
    }

    private final TransformRegistry registry;
    private final PipelineSpec spec;
    private final Options options;
    private final BatchExecutor executor;
    private final Progress progress;

    public ApplyRun(TransformRegistry registry, PipelineSpec spec, Options options, BatchExecutor executor,
                    Progress progress) {
        this.registry = registry;
        this.spec = spec;
        this.options = options;
        this.executor = executor;
        this.progress = progress;
    }

    /** Runs the batch. */
    public Summary run() throws InterruptedException {
        if (options.copies() < 1) {
            throw new UsageException("--copies must be at least 1, got " + options.copies());
        }
        Path in = options.in().toAbsolutePath().normalize();
        Path out = options.out().toAbsolutePath().normalize();
        if (!Files.exists(in)) {
            throw new UsageException("input folder " + in + " does not exist");
        }
        if (!Files.isDirectory(in)) {
            throw new UsageException("--in " + in + " is not a folder");
        }
        prepareOutputFolder(in, out);

        PipelineSpec effective = spec.withSeed(options.seed() != null ? options.seed()
                : spec.seed() != null ? spec.seed() : 0L);
        Pipeline pipeline = Pipeline.compile(effective, registry);
        LabelFormat labels = options.labels();
        if (labels != null) {
            // refuse a pipeline that cannot move boxes (or keypoints) before any input is read
            pipeline.requireTargets(labels instanceof CocoLabels c && c.hasKeypoints()
                    ? EnumSet.of(Target.IMAGE, Target.BOXES, Target.KEYPOINTS) : EnumSet.of(Target.IMAGE, Target.BOXES));
        }
        checkSpecFile(out, effective);

        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int cleaned = deleteTempFiles(out);
        if (cleaned > 0) {
            warnings.add(out + ": deleted " + cleaned + " half-written temporary file(s) left by an interrupted run");
        }
        InputTree.Listing listing;
        try {
            listing = InputTree.walk(in, out);
        } catch (IOException e) {
            throw new UsageException("cannot read input folder " + in + ": " + IoErrors.reason(e), e);
        }
        warnings.addAll(listing.warnings());
        failures.addAll(listing.failures());

        Path manifestFile = out.resolve(MANIFEST_FILE);
        Manifest.Contents done = Manifest.read(manifestFile);
        warnings.addAll(done.problems());
        if (done.tornTail()) {
            warnings.add(manifestFile + ": the last line was cut off by an interrupted run; it is dropped and "
                    + "its output made again");
        }

        Context ctx = new Context(pipeline, Specs.toYaml(effective), effective.seed(), in, out, options.maxPixels(),
                labels);
        List<ApplyTask> tasks = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        int alreadyDone = 0;
        for (String rel : listing.files()) {
            String source = in.resolve(rel).toString();
            List<Integer> copies = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            for (int k = 0; k < options.copies(); k++) {
                String output = outputName(rel, k, claimed);
                Manifest.Entry e = done.entries().get(output);
                if (e != null && e.source().equals(source) && e.copy() == k && e.seed() == effective.seed()
                        && Files.isRegularFile(SafePaths.resolveInside(out, output)) && labelsDone(e, labels, out)) {
                    alreadyDone++;
                    continue;
                }
                copies.add(k);
                outputs.add(output);
            }
            if (!copies.isEmpty()) {
                tasks.add(new ApplyTask(ctx, rel, copies, outputs));
            }
        }

        AtomicInteger written = new AtomicInteger();
        AtomicInteger transformFailures = new AtomicInteger();
        AtomicInteger boxesKept = new AtomicInteger();
        AtomicInteger boxesDropped = new AtomicInteger();
        progress.start(tasks.size());
        try (Manifest manifest = Manifest.openForAppend(manifestFile)) {
            executor.run(tasks, new TaskListener<>() {
                @Override
                public void succeeded(BatchTask<TaskResult> task, TaskResult result) {
                    result.entries().forEach(manifest::append);
                    written.addAndGet(result.entries().size());
                    for (Manifest.Entry e : result.entries()) {
                        if (e.labels() != null) {
                            boxesKept.addAndGet(e.labels().boxesKept());
                            boxesDropped.addAndGet(e.labels().boxesDropped());
                        }
                    }
                    result.notes().forEach(n -> progress.message("aug: note: " + n));
                    progress.step();
                }

                @Override
                public void failed(BatchTask<TaskResult> task, Exception error) {
                    if (error instanceof TransformFailedException) {
                        transformFailures.incrementAndGet();
                    }
                    String msg = describeFailure((ApplyTask) task, error);
                    failures.add(msg);
                    progress.message("aug: skipped " + msg);
                    progress.step();
                }
            });
        } catch (IOException e) {
            throw new UsageException("cannot close manifest " + manifestFile + ": " + IoErrors.reason(e), e);
        } finally {
            progress.done();
        }
        if (labels instanceof CocoLabels coco) {
            writeCoco(coco, out, manifestFile);
        } else if (labels instanceof YoloLabels) {
            copyClassNames(in, out);
        }
        return new Summary(listing.files().size(), written.get(), alreadyDone, List.copyOf(failures),
                transformFailures.get(), List.copyOf(warnings), manifestFile, boxesKept.get(), boxesDropped.get());
    }

    /** Whether an earlier run wrote the labels of output {@code e} as this run would. */
    private static boolean labelsDone(Manifest.Entry e, LabelFormat labels, Path out) {
        if (labels == null || e.labels() == null) {
            return labels == null && e.labels() == null;
        }
        if (!e.labels().format().equals(labels.id())) {
            return false;
        }
        Path sidecar = labels.sidecar(SafePaths.resolveInside(out, e.output()));
        return sidecar == null ? e.labels().coco() != null : Files.isRegularFile(sidecar);
    }

    /** YOLO class names ({@code classes.txt} at the top of the input) go with the outputs, unchanged. */
    private static void copyClassNames(Path in, Path out) {
        Path names = in.resolve(YoloLabels.CLASS_NAMES);
        if (Files.isRegularFile(names)) {
            try {
                AtomicFiles.write(out.resolve(YoloLabels.CLASS_NAMES), Files.readAllBytes(names));
            } catch (IOException e) {
                throw new UsageException("cannot copy " + names + " to " + out + ": " + IoErrors.reason(e), e);
            }
        }
    }

    /** Rebuilds {@value #COCO_FILE} from the manifest: every COCO output in place, sorted by output path. */
    private static void writeCoco(CocoLabels coco, Path out, Path manifestFile) {
        List<CocoLabels.Part> parts = new ArrayList<>();
        for (Manifest.Entry e : Manifest.read(manifestFile).entries().values()) {
            if (e.labels() != null && e.labels().coco() != null
                    && Files.isRegularFile(SafePaths.resolveInside(out, e.output()))) {
                parts.add(new CocoLabels.Part(e.output(), e.labels().coco()));
            }
        }
        parts.sort(java.util.Comparator.comparing(CocoLabels.Part::output));
        Path file = out.resolve(COCO_FILE);
        try {
            AtomicFiles.write(file, coco.write(parts));
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + IoErrors.reason(e), e);
        }
    }

    private static String describeFailure(ApplyTask task, Exception e) {
        if (e instanceof ImageReadException ie) {
            return ie.getMessage();
        }
        String where = task.ctx.in().resolve(task.rel).toString();
        if (e instanceof TransformFailedException tf) {
            return tf.on(where).getMessage();
        }
        if (e instanceof AugmentException) {
            return where + ": " + e.getMessage();
        }
        return where + ": internal error: " + e;
    }

    private static void prepareOutputFolder(Path in, Path out) {
        try {
            Path inReal = in.toRealPath();
            if (Files.exists(out)) {
                Path outReal = out.toRealPath();
                if (outReal.equals(inReal) || inReal.startsWith(outReal)) {
                    throw new UsageException("--out " + out + " must not be the input folder or contain it; "
                            + "choose a separate folder");
                }
                if (!Files.isDirectory(outReal)) {
                    throw new UsageException("--out " + out + " exists and is not a folder");
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException("cannot create output folder " + out + ": " + IoErrors.reason(e), e);
        }
        try {
            Path probe = Files.createTempFile(out, ".aug-write-test", AtomicFiles.TEMP_SUFFIX);
            Files.delete(probe);
        } catch (IOException e) {
            throw new UsageException("output folder " + out + " is not writable: " + IoErrors.reason(e), e);
        }
    }

    private static void checkSpecFile(Path out, PipelineSpec effective) {
        Path file = out.resolve(SPEC_FILE);
        String want = Specs.toYaml(effective);
        if (Files.exists(file)) {
            String have = Specs.toYaml(Specs.read(file));
            if (!have.equals(want)) {
                throw new UsageException(out + " holds outputs of a different spec or seed (see " + file
                        + "); use another --out folder, or delete that one to start over");
            }
            return;
        }
        Specs.write(effective, file);
    }

    private static int deleteTempFiles(Path out) {
        int[] n = {0};
        try (Stream<Path> s = Files.walk(out)) {
            s.filter(p -> AtomicFiles.isTempFile(p) && Files.isRegularFile(p)).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                    n[0]++;
                } catch (IOException ignored) {
                    // reported below as not cleaned: leave it
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // cleaning is best effort
        }
        return n[0];
    }

    /** The output path of copy {@code k} of {@code rel} ({@link OutputNames#name}). */
    static String outputName(String rel, int k, Set<String> claimed) {
        return OutputNames.name(rel, k, claimed);
    }

    /** The 64-bit key of a relative input path ({@link PathSeeds#key}). */
    public static long key(String rel) {
        return PathSeeds.key(rel);
    }

    /** The generator of copy {@code copy} of input {@code rel} ({@link PathSeeds#rngFor}). */
    public static Rng rngFor(long seed, String rel, int copy) {
        return PathSeeds.rngFor(seed, rel, copy);
    }

    /**
     * What every task of a run shares. Serializable for cluster executors: a worker gets the spec as text and takes
     * its pipeline from {@link PipelineCache} (compiled once per JVM); the driver's tasks keep the compiled one.
     */
    static final class Context implements Serializable {
        private static final long serialVersionUID = 1L;
        private transient Pipeline pipeline;
        final String specText;
        final long seed;
        private final String in;
        private final String out;
        final long maxPixels;
        /** Not sent to cluster workers: ApplyCommand refuses --labels with a cluster engine. */
        final transient LabelFormat labels;

        Context(Pipeline pipeline, String specText, long seed, Path in, Path out, long maxPixels, LabelFormat labels) {
            this.pipeline = pipeline;
            this.specText = specText;
            this.seed = seed;
            this.in = in.toString();
            this.out = out.toString();
            this.maxPixels = maxPixels;
            this.labels = labels;
        }

        Pipeline pipeline() {
            if (pipeline == null) {
                pipeline = PipelineCache.forSpec(specText);
            }
            return pipeline;
        }

        Path in() {
            return Path.of(in);
        }

        Path out() {
            return Path.of(out);
        }
    }

    /**
     * What one task produced.
     *
     * @param entries one manifest entry per output written
     * @param notes remarks such as a 16-bit conversion
     */
    record TaskResult(List<Manifest.Entry> entries, List<String> notes) implements Serializable {
    }

    /** Augments one input into the copies it still lacks. */
    static final class ApplyTask implements BatchTask<TaskResult> {
        private static final long serialVersionUID = 1L;
        final Context ctx;
        final String rel;
        final List<Integer> copies;
        final List<String> outputs;

        ApplyTask(Context ctx, String rel, List<Integer> copies, List<String> outputs) {
            this.ctx = ctx;
            this.rel = rel;
            this.copies = List.copyOf(copies);
            this.outputs = List.copyOf(outputs);
        }

        @Override
        public String name() {
            return rel;
        }

        @Override
        public TaskResult call() {
            Path source = ctx.in().resolve(rel);
            ImageFiles.Decoded decoded = ImageFiles.read(source, MaxPixelsOption.readOptions(ctx.maxPixels));
            Sample sample = Sample.of(decoded.image());
            ImageLabels labels = null;
            if (ctx.labels != null) {
                labels = ctx.labels.read(source, rel, decoded.image().width(), decoded.image().height());
                sample = sample.withBoxes(labels.boxes()).withKeypoints(labels.keypoints());
            }
            List<String> notes = new ArrayList<>();
            decoded.notes().forEach(n -> notes.add(source + ": " + n));
            String keyHex = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putLong(key(rel)).array());
            List<Manifest.Entry> entries = new ArrayList<>();
            for (int i = 0; i < copies.size(); i++) {
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
                int k = copies.get(i);
                String output = outputs.get(i);
                Applied a = ctx.pipeline().applyRecorded(sample, rngFor(ctx.seed, rel, k));
                Path target = SafePaths.resolveInside(ctx.out(), output);
                SafePaths.createParentInside(ctx.out(), target);
                Manifest.Labels recorded = labels == null ? null : writeLabels(target, labels, a.sample());
                try {
                    ImageFiles.write(a.sample().image(), target);
                } catch (RuntimeException e) {
                    deleteSidecar(target);
                    throw e;
                }
                entries.add(new Manifest.Entry(output, rel, source.toString(), k, ctx.seed, keyHex,
                        ctx.pipeline().replayToJson(a.replay()), recorded, 0));
            }
            return new TaskResult(entries, notes);
        }

        /** Writes the label file of output {@code target} (if the format has one) and says what was kept. */
        private Manifest.Labels writeLabels(Path target, ImageLabels in, Sample result) {
            Path sidecar = ctx.labels.sidecar(target);
            if (sidecar != null) {
                try {
                    AtomicFiles.write(sidecar, AtomicFiles.Sync.NONE, o -> o.write(ctx.labels.render(target, result)));
                } catch (IOException e) {
                    throw new UsageException("cannot write " + sidecar + ": " + IoErrors.reason(e), e);
                }
            }
            return new Manifest.Labels(ctx.labels.id(), in.source(), result.boxes().size(),
                    in.boxes().size() - result.boxes().size(), result.keypoints().size(),
                    in.keypoints().size() - result.keypoints().size(), ctx.labels.record(result));
        }

        private void deleteSidecar(Path target) {
            Path sidecar = ctx.labels == null ? null : ctx.labels.sidecar(target);
            if (sidecar != null) {
                try {
                    Files.deleteIfExists(sidecar);
                } catch (IOException ignored) {
                    // the image failure is what gets reported; a re-run overwrites the label file
                }
            }
        }
    }
}
