package io.augment4j.examples;

import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.augment.PipelineAugmenter;
import io.augment4j.trainer.data.ArrayImageSet;
import io.augment4j.trainer.loop.FitResult;
import io.augment4j.trainer.loop.LoopConfig;
import io.augment4j.trainer.loop.TrainedModel;
import io.augment4j.trainer.loop.TrainingLoop;
import io.augment4j.trainer.model.CnnConfig;
import io.augment4j.trainer.model.ConvLayer;
import io.augment4j.trainer.model.DenseLayer;
import io.augment4j.trainer.model.ModelConfig;
import io.augment4j.trainer.optim.OptimizerConfig;
import io.augment4j.trainer.split.Split;
import io.augment4j.trainer.split.SplitSpec;
import io.augment4j.trainer.split.StratifiedSplitter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Example: train an image classifier from Java, with augmentation on the training examples.
 *
 * <p>The steps: make a dataset (here synthetic: discs, rings and plus signs), split it (seeded and stratified),
 * describe the augmentation ({@link PipelineSpec}), pick a model ({@link CnnConfig}) and training options
 * ({@link LoopConfig}), then {@link TrainingLoop#fit} and read the accuracies. {@code aug train --config} does the
 * same from a YAML file, plus a run folder with history, curves and a report.
 *
 * <pre>
 * java -cp "samples/target/samples-0.1.0-SNAPSHOT.jar:samples/target/lib/*" io.augment4j.examples.TrainClassifier
 * </pre>
 */
public final class TrainClassifier {

    /** What {@link #run} measured, each the share of examples classified correctly (chance is 1/3). */
    public record Accuracies(double train, double val, double test) {}

    private TrainClassifier() {}

    public static void main(String[] args) {
        Accuracies a = run(150, 2, 7);
        System.out.printf("accuracy: train %.3f, val %.3f, test %.3f%n", a.train(), a.val(), a.test());
    }

    /**
     * Trains for {@code epochs} epochs on {@code 3 * perClass} synthetic 20x20 gray images.
     *
     * @param perClass images per class
     * @param epochs training epochs
     * @param seed the one seed: data, split, weights, batch order and augmentation all derive from it
     * @return accuracy on the train, validation and test splits, measured without augmentation
     */
    public static Accuracies run(int perClass, int epochs, long seed) {
        // 1. The data: any ImageSet works (FolderImageSet reads class folders, IdxFiles reads MNIST-style files).
        ArrayImageSet data = shapes(perClass, 20, seed);

        // 2. A stratified split: every class gets 70/15/15 (to within one image), the same for the same seed.
        //    Keep the test split for the end; choose settings by the validation accuracy.
        Split split = StratifiedSplitter.split(data.labels(), SplitSpec.ratios(0.70, 0.15, 0.15, seed));

        // 3. Augmentation, applied to training batches only: mirror half the images, and shift/rotate a little.
        //    Every change must keep the label true: a mirrored ring is still a ring. No seed in the spec (one is
        //    refused): each example's draw comes from the run seed, the epoch and the example, so a resumed run
        //    sees the same images.
        PipelineSpec spec = PipelineSpec.of(
                Node.step("hflip").withP(0.5),
                Node.step("affine", Map.of("rotate", 10, "translate", 0.05, "scale", 0, "shear", 0)).withP(0.5));
        Pipeline pipeline = Pipeline.compile(spec, TransformRegistry.discover());

        // 4. The model: one 3x3 conv block (8 filters, batch norm, 2x2 max pool), a dense layer of 32, 3 outputs.
        //    Batch norm makes two short epochs reliable whatever the seed. MlpConfig.uniform(...) gives a plain
        //    multilayer perceptron instead.
        ModelConfig model = new CnnConfig(List.of(ConvLayer.of(8, true)), List.of(DenseLayer.of(32)),
                null, null, null);

        // 5. How to train. outputDir(path) would also write checkpoints, history.csv and the model.
        LoopConfig config = LoopConfig.builder()
                .epochs(epochs).batchSize(32).seed(seed)
                .optimizer(OptimizerConfig.adam(0.01))
                .progressBar(false)
                .build();

        // 6. Train. Normalization statistics come from the train split; the test split is measured once, at the end.
        FitResult fit = new TrainingLoop(model, config).fit(data, split, new PipelineAugmenter(pipeline));
        try (TrainedModel trained = fit.model()) { // we own the model (native memory): close it
            return new Accuracies(
                    trained.evaluate(data, split.train(), 256).accuracy(), // the train split, not augmented
                    trained.evaluate(data, split.val(), 256).accuracy(),
                    fit.test().accuracy());
        }
    }

    /**
     * The dataset: image {@code i} shows class {@code i % 3}, a filled disc, a ring or a plus sign, bright on a dark
     * background, its centre moved up to 2 pixels, with noise. Labels are 0 (disc), 1 (ring), 2 (plus).
     */
    static ArrayImageSet shapes(int perClass, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 3 * perClass;
        byte[] pixels = new byte[n * size * size]; // n images, HWC with one channel
        int[] labels = new int[n];
        double radius = size * 0.3;
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            double cx = size / 2.0 + random.nextDouble(-2, 2);
            double cy = size / 2.0 + random.nextDouble(-2, 2);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double dx = x + 0.5 - cx;
                    double dy = y + 0.5 - cy;
                    double d = Math.hypot(dx, dy);
                    boolean on = switch (labels[i]) {
                        case 0 -> d < radius;
                        case 1 -> Math.abs(d - radius) < 1.2;
                        default -> d < radius && (Math.abs(dx) < 1.2 || Math.abs(dy) < 1.2);
                    };
                    double v = (on ? 200 : 50) + 25 * random.nextGaussian();
                    pixels[(i * size + y) * size + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
        return ArrayImageSet.ofBytes(pixels, labels, size, size, 1, List.of("disc", "ring", "plus"));
    }
}
