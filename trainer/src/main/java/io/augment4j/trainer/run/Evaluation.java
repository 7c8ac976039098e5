package io.augment4j.trainer.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import io.augment4j.api.AugmentException;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.config.ConfigLoader;
import io.augment4j.trainer.config.TrainConfig;
import io.augment4j.trainer.data.FolderImageSet;
import io.augment4j.trainer.data.ImageSet;
import io.augment4j.trainer.data.SubsetImageSet;
import io.augment4j.trainer.loader.HostBatch;
import io.augment4j.trainer.loader.BatchLoader;
import io.augment4j.trainer.loop.TrainedModel;
import io.augment4j.trainer.split.Split;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code aug evaluate --model DIR [--data ...]}: loads a saved model and measures it, with a
 * per-class breakdown. The model folder's normalization is applied; no augmentation.
 *
 * <p>{@code data} may be:
 * <ul>
 *   <li>null or {@code "test"}: the test split of the run {@code DIR} (a run folder);
 *   <li>a folder with one sub-folder per class (images are resized to the model's input size);
 *   <li>a training config (YAML/JSON): its data's own test set, or all its train data when it has none.
 * </ul>
 */
public final class Evaluation {

    private Evaluation() {}

    /**
     * @param registry the transforms a training config's augmentation may use (configs are read
     *     whole, augmentation included)
     * @param modelDir a run folder (with {@code model/}) or a model folder (with {@code model.params})
     * @param data what to evaluate on (see the class comment), or null for the run's test split
     * @param out where the table goes
     * @return the metrics
     * @throws AugmentException for user errors (missing model, wrong image size, ...)
     */
    public static EvaluationResult run(TransformRegistry registry, Path modelDir, String data, PrintStream out) {
        ConfigLoader loader = new ConfigLoader(registry);
        Path dir = modelDir.toAbsolutePath().normalize();
        Path modelFolder = Files.isRegularFile(dir.resolve("model").resolve(TrainedModel.WEIGHTS)) ? dir.resolve("model")
                : Files.isRegularFile(dir.resolve(TrainedModel.WEIGHTS)) ? dir : null;
        if (modelFolder == null) {
            throw new RunException("no model in " + dir + ": give a run folder (it has model/" + TrainedModel.WEIGHTS
                    + ") or a model folder (it has " + TrainedModel.WEIGHTS + ")");
        }
        Path runDir = modelFolder.equals(dir) ? dir.getParent() : dir;
        TrainedModel model;
        try {
            model = TrainedModel.load(modelFolder);
        } catch (IOException e) {
            throw new RunException("cannot read the model in " + modelFolder + ": " + e.getMessage(), e);
        }
        try (model) {
            Shape in = model.network().inputShape();
            int c = (int) in.get(0);
            int h = (int) in.get(1);
            int w = (int) in.get(2);
            ImageSet set;
            String what;
            if (data == null || data.equals("test")) {
                Path cfgFile = runDir == null ? null : runDir.resolve(RunFolder.CONFIG_FILE);
                if (cfgFile == null || !Files.isRegularFile(cfgFile)) {
                    throw new RunException("no --data given and " + dir + " is not a run folder: give --data (a"
                            + " folder of class sub-folders, or a training config)");
                }
                TrainConfig cfg = loader.load(cfgFile);
                Datasets.Loaded loaded = Datasets.load(cfg.data(), cfg.seed());
                Split split;
                try {
                    split = Split.load(runDir.resolve(RunFolder.SPLIT_FILE), loaded.all().size());
                } catch (IOException e) {
                    throw new RunException("cannot read the run's split: " + e.getMessage(), e);
                }
                if (split.test().length == 0) {
                    throw new RunException("the run " + runDir + " has no test split: give --data");
                }
                set = new SubsetImageSet(loaded.all(), split.test());
                what = "the test split of " + runDir;
            } else {
                Path p = Path.of(data).toAbsolutePath().normalize();
                if (Files.isDirectory(p)) {
                    try {
                        set = FolderImageSet.open(p, h, w, c);
                    } catch (IOException | IllegalArgumentException e) {
                        throw new RunException("cannot read images from " + p + ": " + e.getMessage(), e);
                    }
                    what = "the images under " + p;
                } else if (Files.isRegularFile(p)) {
                    TrainConfig cfg = loader.load(p);
                    Datasets.Loaded loaded = Datasets.load(cfg.data(), cfg.seed());
                    if (loaded.testCount() > 0) {
                        set = new SubsetImageSet(loaded.all(), IntStream.range(loaded.trainCount(),
                                loaded.all().size()).toArray());
                        what = "the test set of " + p;
                    } else {
                        set = loaded.all();
                        what = "all the data of " + p;
                    }
                } else {
                    throw new RunException("--data " + data + " does not exist (give a folder of class sub-folders,"
                            + " a training config, or nothing for the run's test split)");
                }
            }
            if (set.height() != h || set.width() != w || set.channels() != c) {
                throw new RunException(String.format(Locale.ROOT, "the model takes %dx%dx%d images but %s has"
                        + " %dx%dx%d", h, w, c, what, set.height(), set.width(), set.channels()));
            }
            if (set.numClasses() > model.classNames().size()) {
                throw new RunException("the data has " + set.numClasses() + " classes, the model "
                        + model.classNames().size());
            }
            EvaluationResult r = evaluate(model, set, dir.toString(), what);
            print(r, out);
            return r;
        }
    }

    static EvaluationResult evaluate(TrainedModel model, ImageSet set, String modelDir, String what) {
        // Evaluation only: no autograd graph (grad mode is per thread in PyTorch).
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        int k = model.classNames().size();
        long[][] confusion = new long[k][k];
        Loss lossFn = Loss.softmaxCrossEntropyLoss();
        double lossSum = 0;
        long correct = 0;
        int n = 0;
        int[] all = IntStream.range(0, set.size()).toArray();
        try (BatchLoader loader = new BatchLoader(set, all, 256, false, 0, null, model.normalization(), 2, 2)) {
            Iterator<HostBatch> it = loader.epoch(0);
            while (it.hasNext()) {
                HostBatch b = it.next();
                try (NDManager m = model.network().manager().newSubManager(); NDScope scope = new NDScope()) {
                    NDArray x = m.create(b.data(), new Shape(b.size(), b.channels(), b.height(), b.width()));
                    NDArray y = m.create(b.labels());
                    NDArray logits = model.network().forward(x, false);
                    lossSum += lossFn.evaluate(new NDList(y), new NDList(logits)).getFloat() * b.size();
                    long[] pred = logits.argMax(1).toLongArray();
                    for (int i = 0; i < pred.length; i++) {
                        confusion[(int) b.labels()[i]][(int) pred[i]]++;
                        if (pred[i] == b.labels()[i]) {
                            correct++;
                        }
                    }
                    n += b.size();
                }
            }
        }
        return new EvaluationResult(modelDir, what, n, n == 0 ? Double.NaN : lossSum / n,
                n == 0 ? Double.NaN : (double) correct / n, model.classNames(), confusion);
    }

    private static void print(EvaluationResult r, PrintStream out) {
        out.printf(Locale.ROOT, "Model %s on %s: %d examples, accuracy %.2f %%, error %.2f %%, loss %.4f%n",
                r.modelDir(), r.data(), r.examples(), 100 * r.accuracy(), 100 * r.error(), r.loss());
        out.println("Per class (recall):");
        for (int k = 0; k < r.classNames().size(); k++) {
            double a = r.classAccuracy(k);
            if (!Double.isNaN(a)) {
                out.printf(Locale.ROOT, "  %-20s %6.2f %%%n", r.classNames().get(k), 100 * a);
            }
        }
    }
}
