package io.augment4j.examples;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.TranslateException;
import io.augment4j.api.ArrayImage;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.trainer.augment.PipelineTransform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Example: augment4j inside a plain DJL {@link ArrayDataset}, for code that trains with DJL's own
 * {@code EasyTrain.fit(trainer, epochs, dataset, null)}.
 *
 * <p>{@link PipelineTransform} makes a pipeline a DJL {@code Transform}. An {@code ArrayDataset} applies its
 * {@code optPipeline} to whole batches (shape N x H x W x C); the transform augments each image of the batch with
 * its own draw: the k-th image it sees gets {@code pipeline.apply(sample, k)}. The draws therefore follow the order
 * of iteration: with sequential sampling, a new {@code PipelineTransform} repeats them exactly. For draws tied to
 * the example itself (shuffling, several threads, resume), train with the trainer's loop and
 * {@code PipelineAugmenter} instead (see {@link TrainClassifier}).
 *
 * <pre>
 * java -cp "samples/target/samples-0.1.0-SNAPSHOT.jar:samples/target/lib/*" io.augment4j.examples.DjlArrayDataset
 * </pre>
 */
public final class DjlArrayDataset {

    /** Image size: small, so the batches print quickly. */
    static final int HEIGHT = 8;
    static final int WIDTH = 12;

    /**
     * What {@link #run} saw.
     *
     * @param batchShapes the shape of each batch, in order
     * @param images every augmented image, in iteration order
     */
    public record Seen(List<Shape> batchShapes, List<ArrayImage> images) {}

    private DjlArrayDataset() {}

    public static void main(String[] args) throws IOException, TranslateException {
        Seen seen = run(20, 8, 5);
        long mirrored = seen.images().stream().filter(DjlArrayDataset::brightColumnOnTheRight).count();
        System.out.println("batches: " + seen.batchShapes());
        System.out.println(mirrored + " of " + seen.images().size() + " images came out mirrored");
    }

    /**
     * Builds an {@code ArrayDataset} of {@code n} images ({@link #image}) whose pipeline mirrors half of them, and
     * reads it once, in order, in batches of {@code batchSize}.
     */
    public static Seen run(int n, int batchSize, long seed) throws IOException, TranslateException {
        PipelineSpec spec = PipelineSpec.of(Node.step("hflip").withP(0.5)).withSeed(seed);
        Pipeline pipeline = Pipeline.compile(spec, TransformRegistry.discover());

        try (NDManager manager = NDManager.newBaseManager()) {
            // The data as DJL holds it: one UINT8 array of shape (n, height, width, channels), and the labels.
            byte[] pixels = new byte[n * HEIGHT * WIDTH * 3];
            float[] labels = new float[n];
            for (int i = 0; i < n; i++) {
                byte[] one = image(i).rawBytes();
                System.arraycopy(one, 0, pixels, i * one.length, one.length);
                labels[i] = i % 2;
            }
            ArrayDataset dataset = new ArrayDataset.Builder()
                    .setData(manager.create(ByteBuffer.wrap(pixels), new Shape(n, HEIGHT, WIDTH, 3), DataType.UINT8))
                    .optLabels(manager.create(labels))
                    .setSampling(batchSize, false) // sequential; true shuffles (and so changes who gets which draw)
                    // Add ToTensor() and Normalize(...) after it to feed a network: they expect what it returns.
                    .optPipeline(new ai.djl.translate.Pipeline().add(new PipelineTransform(pipeline)))
                    .build();

            List<Shape> shapes = new ArrayList<>();
            List<ArrayImage> images = new ArrayList<>();
            for (Batch batch : dataset.getData(manager)) {
                try (batch) { // a batch owns native memory: close it
                    NDArray x = batch.getData().singletonOrThrow(); // the augmented batch, still N x H x W x C
                    shapes.add(x.getShape());
                    byte[] all = x.toByteArray();
                    int size = HEIGHT * WIDTH * 3;
                    for (int k = 0; k * size < all.length; k++) {
                        images.add(ArrayImage.wrapBytes(HEIGHT, WIDTH, 3,
                                Arrays.copyOfRange(all, k * size, (k + 1) * size)));
                    }
                }
            }
            return new Seen(shapes, images);
        }
    }

    /** Image {@code i}: a gray level of its own, with a white column at the left edge (a mirror moves it right). */
    public static ArrayImage image(int i) {
        byte[] px = new byte[HEIGHT * WIDTH * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                Arrays.fill(px, (y * WIDTH + x) * 3, (y * WIDTH + x + 1) * 3, (byte) (x == 0 ? 255 : 20 + 9 * i % 200));
            }
        }
        return ArrayImage.wrapBytes(HEIGHT, WIDTH, 3, px);
    }

    /** True when the white column is at the right edge: the image was mirrored. */
    static boolean brightColumnOnTheRight(ArrayImage image) {
        return image.get(0, image.width() - 1, 0) == 255 && image.get(0, 0, 0) != 255;
    }
}
