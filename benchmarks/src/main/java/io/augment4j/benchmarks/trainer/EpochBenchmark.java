package io.augment4j.benchmarks.trainer;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.augment.PipelineAugmenter;

import io.augment4j.trainer.data.ArrayImageSet;
import io.augment4j.trainer.data.IdxFiles;
import io.augment4j.trainer.loader.ExampleAugmenter;
import io.augment4j.trainer.loop.TrainingLoop;
import io.augment4j.trainer.loop.LoopConfig;
import io.augment4j.trainer.loop.FitResult;
import io.augment4j.trainer.model.ActivationType;
import io.augment4j.trainer.model.CnnConfig;
import io.augment4j.trainer.model.ConvLayer;
import io.augment4j.trainer.model.DenseLayer;
import io.augment4j.trainer.model.Init;
import io.augment4j.trainer.model.MlpConfig;
import io.augment4j.trainer.model.ModelConfig;
import io.augment4j.trainer.model.Regularization;
import io.augment4j.trainer.optim.OptimizerConfig;
import io.augment4j.trainer.split.Split;
import io.augment4j.trainer.split.SplitSpec;
import io.augment4j.trainer.split.StratifiedSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fashion-MNIST epoch time for an MLP and a small CNN, with and without augmentation, and the
 * share of each epoch the trainer spent waiting for data.
 *
 * <p>Run: {@code java -Dai.djl.offline=true -cp <classpath> io.augment4j.benchmarks.trainer.EpochBenchmark
 * [idx-dir] [epochs] [workers]}. The IDX folder defaults to Debian's
 * {@code /usr/share/datasets/fashion-mnist} (package {@code dataset-fashion-mnist}). The last
 * epoch of each run is reported, so JIT and allocator warm-up stay out of the figures.
 */
public final class EpochBenchmark {

    private EpochBenchmark() {}

    /** The augmentation measured: a random flip and a small rotation, zoom and shift, fused into one warp. */
    static final String AUGMENTATION = "hflip(p=0.5) | affine(rotate=[-10, 10], scale=[0.95, 1.05], "
            + "translate=[-0.08, 0.08], shear=0, border=constant)";

    /**
     * @param registry where the transforms come from
     * @return the augment pipeline above, as the loader's augmenter (OpenCV transforms, per-example seeds)
     */
    static ExampleAugmenter augmenter(TransformRegistry registry) {
        PipelineSpec spec = PipelineSpec.of(Node.step("hflip").withP(0.5), Node.step("affine",
                Map.of("rotate", List.of(-10, 10), "scale", List.of(0.95, 1.05), "translate", List.of(-0.08, 0.08),
                        "shear", 0, "border", "constant")));
        return new PipelineAugmenter(Pipeline.compile(spec, registry));
    }

    /** Prints the CPU time of the augmenter alone over one epoch's train images, one thread. */
    private static void augmenterAlone(ExampleAugmenter aug, ArrayImageSet data, int[] train) {
        float[] buf = new float[data.pixelCount()];
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            for (int i : train) {
                data.image(i, buf);
                aug.augment(buf, data.height(), data.width(), data.channels(), i + rep);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "read+augment of %d train images, one thread: %.3f s (%s)%n",
                train.length, best, AUGMENTATION);
    }

    /**
     * @param args optional: IDX folder, epochs per run (default 2), loader workers (default 2),
     *     networks ("mlp,cnn"), train examples to use (default all 60 000, of which 10 000 val)
     * @throws Exception on I/O failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> nets = List.of((args.length > 3 ? args[3] : "mlp,cnn").split(","));
        int limit = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        if (!Files.exists(images)) {
            System.err.println("No Fashion-MNIST at " + dir
                    + " (apt-get install dataset-fashion-mnist, or pass the IDX folder)");
            return;
        }
        long t0 = System.nanoTime();
        ArrayImageSet data = IdxFiles.load(images, labels, limit, null);
        System.out.printf(Locale.ROOT, "loaded %d images in %.2f s%n", data.size(), (System.nanoTime() - t0) / 1e9);
        Split split = StratifiedSplitter.split(data.labels(), SplitSpec.sizes(data.size() / 6, 0, 1));
        TransformRegistry registry = TransformRegistry.discover();
        Engine.getEngine("PyTorch");
        System.out.printf(Locale.ROOT, "PyTorch intra-op threads: %d (-Dai.djl.pytorch.num_threads=N to change;"
                + " a run's torch_threads does the same)%n", JniUtils.getNumThreads());
        augmenterAlone(augmenter(registry), data, split.train());

        ModelConfig mlp = MlpConfig.uniform(2, 256, ActivationType.RELU, 0.2, Regularization.l2(1e-4));
        ModelConfig cnn = new CnnConfig(
                List.of(new ConvLayer(16, 3, true, true, 0, Regularization.NONE),
                        new ConvLayer(32, 3, true, true, 0, Regularization.NONE)),
                List.of(new DenseLayer(64, 0.3, Regularization.NONE)), ActivationType.RELU, Init.AUTO,
                Regularization.NONE);
        System.out.printf(Locale.ROOT, "%-4s %-8s %10s %10s %10s %8s %9s %9s%n", "net", "augment",
                "epoch_s", "wait_s", "wait_%", "ex/s", "val_acc", "workers");
        for (var net : Map.of("mlp", mlp, "cnn", cnn).entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))
                .filter(e -> nets.contains(e.getKey())).toList()) {
            for (boolean aug : new boolean[] {false, true}) {
                LoopConfig cfg = LoopConfig.builder().epochs(epochs).batchSize(128)
                        .optimizer(OptimizerConfig.adam(1e-3)).workers(workers).prefetch(4)
                        .progressBar(false).seed(7).build();
                FitResult r = new TrainingLoop(net.getValue(), cfg)
                        .fit(data, split, aug ? augmenter(registry) : null);
                r.model().close();
                Map<String, Double> last = r.history().rows().get(r.history().size() - 1);
                double sec = last.get("epoch_time_s");
                double wait = last.get("data_wait_s");
                System.out.printf(Locale.ROOT, "%-4s %-8s %10.2f %10.3f %9.1f%% %8.0f %9.4f %9d%n",
                        net.getKey(), aug ? "pipeline" : "none", sec, wait, 100 * wait / sec,
                        last.get("examples_per_s"), last.get("val_accuracy"), workers);
            }
        }
    }
}
