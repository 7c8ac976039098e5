package com.example.consumer;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.modality.cv.transform.Normalize;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.augment.PipelineTransform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;

/** What a user of augment4j writes: DJL training with augment4j augmentation inside a DJL ArrayDataset. */
public final class AugmentedTraining {
    static final int SIZE = 16;

    private AugmentedTraining() {
    }

    /**
     * Trains a linear classifier for one epoch on {@code n} synthetic 16x16 RGB images, dark ones (class 0) and
     * bright ones (class 1), randomly flipped by augment4j on the way into each batch.
     */
    public static TrainingResult trainOneEpoch(int n, long seed) throws IOException, TranslateException {
        Engine.getInstance().setRandomSeed((int) seed);
        Pipeline flips = Pipeline.compile(PipelineSpec.of(
                Node.step("hflip").withP(0.5),
                Node.step("vflip").withP(0.5)).withSeed(seed), TransformRegistry.discover());
        try (NDManager manager = NDManager.newBaseManager();
             Model model = Model.newInstance("consumer")) {
            Random random = new Random(seed);
            byte[] pixels = new byte[n * SIZE * SIZE * 3];
            float[] labels = new float[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i % 2;
                int base = i % 2 == 0 ? 0 : 145;
                for (int j = i * SIZE * SIZE * 3; j < (i + 1) * SIZE * SIZE * 3; j++) {
                    pixels[j] = (byte) (base + random.nextInt(111));
                }
            }
            ArrayDataset data = new ArrayDataset.Builder()
                    .setData(manager.create(ByteBuffer.wrap(pixels), new Shape(n, SIZE, SIZE, 3), DataType.UINT8))
                    .optLabels(manager.create(labels))
                    .setSampling(32, true)
                    // ArrayDataset hands these transforms whole NHWC batches; PipelineTransform draws per image.
                    .optPipeline(new ai.djl.translate.Pipeline(new PipelineTransform(flips), new ToTensor(),
                            new Normalize(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f})))
                    .build();
            model.setBlock(new SequentialBlock()
                    .add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(2).build()));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .addEvaluator(new Accuracy())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.01f)).build())
                    .addTrainingListeners(TrainingListener.Defaults.basic());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 3, SIZE, SIZE));
                EasyTrain.fit(trainer, 1, data, null);
                return trainer.getTrainingResult();
            }
        }
    }
}
