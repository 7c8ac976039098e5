package io.augment4j.trainer.augment;

import ai.djl.basicdataset.cv.classification.ImageFolder;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.translate.TranslateException;
import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
import io.augment4j.api.Rng;
import io.augment4j.api.Sample;
import io.augment4j.api.Transform;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.spi.TransformDescriptor;
import io.augment4j.api.spi.TransformProvider;
import io.augment4j.trainer.augment.PipelineTransform.Layout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PipelineTransform inside DJL's own datasets: ArrayDataset (whole batches) and ImageFolder (one record at a time). */
class PipelineTransformTest {
    private static final int N = 64;
    private static final int BATCH = 16;
    private static final int H = 5;
    private static final int W = 7;
    private static final int C = 3;
    private static final int SIZE = H * W * C;

    private final TransformRegistry registry = TransformRegistry.discover();
    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private Pipeline compile(long seed, Node... steps) {
        return Pipeline.compile(PipelineSpec.of(steps).withSeed(seed), registry);
    }

    /** Four outcomes per image (none, h, v, both flips): a draw shared by a batch would be seen at once. */
    private Pipeline randomFlips() {
        return compile(7L, Node.step("hflip").withP(0.5), Node.step("vflip").withP(0.5));
    }

    /** N distinct random HWC images, as one (N, H, W, C) byte array. */
    private static byte[] images(long seed) {
        byte[] b = new byte[N * SIZE];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] image(byte[] all, int i) {
        return Arrays.copyOfRange(all, i * SIZE, (i + 1) * SIZE);
    }

    private static byte[] hflip(byte[] hwc, int h, int w, int c) {
        byte[] out = new byte[hwc.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(hwc, (y * w + x) * c, out, (y * w + (w - 1 - x)) * c, c);
            }
        }
        return out;
    }

    private ArrayDataset arrayDataset(byte[] all, PipelineTransform t) {
        NDArray data = manager.create(java.nio.ByteBuffer.wrap(all), new Shape(N, H, W, C), DataType.UINT8);
        return new ArrayDataset.Builder()
                .setData(data)
                .optLabels(manager.arange((float) N))
                .setSampling(BATCH, false)
                .optPipeline(new ai.djl.translate.Pipeline(t))
                .build();
    }

    /** Every image of one pass, in order, checking each batch's shape and type on the way. */
    private static List<byte[]> pass(Dataset dataset, NDManager m, Shape batchShape)
            throws IOException, TranslateException {
        List<byte[]> out = new ArrayList<>();
        for (Batch b : dataset.getData(m)) {
            try (b) {
                NDArray x = b.getData().head();
                assertEquals(batchShape, x.getShape());
                assertEquals(DataType.UINT8, x.getDataType());
                byte[] all = x.toByteArray();
                int size = all.length / (int) batchShape.get(0);
                for (int i = 0; i < batchShape.get(0); i++) {
                    out.add(Arrays.copyOfRange(all, i * size, (i + 1) * size));
                }
            }
        }
        return out;
    }

    private static byte[] expected(Pipeline p, byte[] hwc, int h, int w, int c, long k) {
        return p.apply(Sample.of(ArrayImage.wrapBytes(h, w, c, hwc)), k).image().toArrayImage().rawBytes();
    }

    @Test
    void inAnArrayDatasetEachImageOfABatchGetsItsOwnSeededDraw() throws Exception {
        byte[] all = images(1);
        Pipeline p = randomFlips();
        List<byte[]> out = pass(arrayDataset(all, new PipelineTransform(p)), manager, new Shape(BATCH, H, W, C));
        assertEquals(N, out.size());
        for (int k = 0; k < N; k++) {
            // The k-th image seen is augmented with Rng.forSample(seed, k): exactly what Pipeline.apply(_, k) does.
            assertArrayEquals(expected(p, image(all, k), H, W, C, k), out.get(k), "image " + k);
        }
        for (int b = 0; b < N / BATCH; b++) {
            Set<String> outcomes = new HashSet<>();
            for (int k = b * BATCH; k < (b + 1) * BATCH; k++) {
                outcomes.add(outcome(image(all, k), out.get(k)));
            }
            assertTrue(outcomes.size() >= 2, "batch " + b + " had one flip decision for all its images: " + outcomes);
        }
    }

    /** Which of the four flips turned {@code in} into {@code out}. */
    private static String outcome(byte[] in, byte[] out) {
        byte[] h = hflip(in, H, W, C);
        byte[] v = vflip(in);
        if (Arrays.equals(out, in)) {
            return "none";
        }
        if (Arrays.equals(out, h)) {
            return "h";
        }
        if (Arrays.equals(out, v)) {
            return "v";
        }
        assertArrayEquals(vflip(h), out);
        return "hv";
    }

    private static byte[] vflip(byte[] hwc) {
        byte[] out = new byte[hwc.length];
        int row = W * C;
        for (int y = 0; y < H; y++) {
            System.arraycopy(hwc, y * row, out, (H - 1 - y) * row, row);
        }
        return out;
    }

    @Test
    void aFixedOrderIsReproducibleAndASecondPassDrawsAgain() throws Exception {
        byte[] all = images(2);
        Pipeline p = randomFlips();
        PipelineTransform t = new PipelineTransform(p);
        ArrayDataset dataset = arrayDataset(all, t);
        Shape shape = new Shape(BATCH, H, W, C);
        List<byte[]> first = pass(dataset, manager, shape);
        List<byte[]> second = pass(dataset, manager, shape);
        List<byte[]> again = pass(arrayDataset(all, new PipelineTransform(p)), manager, shape);
        int differ = 0;
        for (int k = 0; k < N; k++) {
            assertArrayEquals(first.get(k), again.get(k), "a new transform over the same order repeats image " + k);
            assertArrayEquals(expected(p, image(all, k), H, W, C, N + k), second.get(k), "second pass, image " + k);
            differ += Arrays.equals(first.get(k), second.get(k)) ? 0 : 1;
        }
        // Each image matches its previous draw with chance 1/4: 64 images all alike would be a bug.
        assertTrue(differ > N / 4, "the second pass must draw again: " + differ + " of " + N + " differ");
    }

    @Test
    void aFlipOnlyPipelineGivesExactlyTheFlippedPixels() throws Exception {
        byte[] all = images(3);
        List<byte[]> out = pass(arrayDataset(all, new PipelineTransform(compile(0L, Node.step("hflip")))), manager,
                new Shape(BATCH, H, W, C));
        for (int k = 0; k < N; k++) {
            assertArrayEquals(hflip(image(all, k), H, W, C), out.get(k), "image " + k);
        }
    }

    @Test
    void chwImagesAndBatchesKeepTheirLayoutAndType() {
        Pipeline hflip = compile(0L, Node.step("hflip"));
        // One CHW image, 2 channels would be refused, so 3: channel planes of 1x2 pixels.
        float[] chw = {1, 2, 3, 4, 5, 6};
        NDArray one = new PipelineTransform(hflip, Layout.CHW).transform(manager.create(chw, new Shape(3, 1, 2)));
        assertEquals(new Shape(3, 1, 2), one.getShape());
        assertEquals(DataType.FLOAT32, one.getDataType());
        assertArrayEquals(new float[] {2, 1, 4, 3, 6, 5}, one.toFloatArray());

        // A batch of two 3x2x2 CHW images: each plane's columns swap.
        float[] batch = new float[2 * 3 * 2 * 2];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = i;
        }
        NDArray out = new PipelineTransform(hflip, Layout.CHW).transform(manager.create(batch, new Shape(2, 3, 2, 2)));
        assertEquals(new Shape(2, 3, 2, 2), out.getShape());
        float[] want = new float[batch.length];
        for (int i = 0; i < batch.length; i += 2) {
            want[i] = batch[i + 1];
            want[i + 1] = batch[i];
        }
        assertArrayEquals(want, out.toFloatArray());
    }

    @Test
    void theWrongLayoutIsNamedInTheError() {
        PipelineTransform hwc = new PipelineTransform(compile(0L, Node.step("hflip")));
        AugmentException e = assertThrows(AugmentException.class,
                () -> hwc.transform(manager.zeros(new Shape(3, 8, 8), DataType.UINT8)));
        assertTrue(e.getMessage().contains("images of 8 channels") && e.getMessage().contains("Layout.CHW"),
                e.getMessage());
        e = assertThrows(AugmentException.class, () -> hwc.transform(manager.zeros(new Shape(8, 8), DataType.UINT8)));
        assertTrue(e.getMessage().contains("got an array of shape (8, 8)"), e.getMessage());
        NDArray ints = manager.zeros(new Shape(2, 2, 3), DataType.INT32);
        e = assertThrows(AugmentException.class, () -> hwc.transform(ints));
        assertTrue(e.getMessage().contains("UINT8 or FLOAT32"), e.getMessage());
    }

    /** Drops the last row with chance 1/2: images of one batch come out of two sizes. */
    static final class MaybeDropRow implements Transform<MaybeDropRow.Drop> {
        record Drop(boolean drop) {
        }

        @Override
        public Drop sample(Sample input, Rng rng) {
            return new Drop(rng.chance(0.5));
        }

        @Override
        public Sample apply(Sample input, Drop params) {
            if (!params.drop()) {
                return input;
            }
            ArrayImage img = input.image().toArrayImage();
            byte[] b = Arrays.copyOf(img.rawBytes(), (img.height() - 1) * img.width() * img.channels());
            return input.withImage(ArrayImage.wrapBytes(img.height() - 1, img.width(), img.channels(), b));
        }

        @Override
        public Class<Drop> paramsType() {
            return Drop.class;
        }
    }

    @Test
    void imagesOfDifferentSizesInOneBatchAreRefused() {
        TransformRegistry withDrop = TransformRegistry.of(new TransformProvider() {
            @Override
            public int spiVersion() {
                return SPI_VERSION;
            }

            @Override
            public List<TransformDescriptor> transforms() {
                return List.of(TransformDescriptor.of("maybe_drop_row", "Drops the last row, or not.", List.of(),
                        params -> new MaybeDropRow()));
            }
        });
        Pipeline p = Pipeline.compile(PipelineSpec.of(Node.step("maybe_drop_row")).withSeed(1L), withDrop);
        NDArray batch = manager.create(java.nio.ByteBuffer.wrap(images(4)), new Shape(N, H, W, C), DataType.UINT8);
        AugmentException e = assertThrows(AugmentException.class, () -> new PipelineTransform(p).transform(batch));
        assertTrue(e.getMessage().contains("a batch needs one size") && e.getMessage().contains("in a batch of 64"),
                e.getMessage());
    }

    @Test
    void inAnImageFolderEachRecordIsAugmentedOnItsOwn(@TempDir Path dir) throws Exception {
        Random random = new Random(5);
        for (String label : List.of("cat", "dog")) {
            Files.createDirectories(dir.resolve(label));
            for (int i = 0; i < 4; i++) {
                BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        img.setRGB(x, y, random.nextInt(1 << 24));
                    }
                }
                ImageIO.write(img, "png", dir.resolve(label).resolve(i + ".png").toFile());
            }
        }
        Pipeline p = randomFlips();
        // Without transforms ImageFolder would add ToTensor; the identity keeps the decoded HWC pixels.
        ImageFolder plain = ImageFolder.builder().setRepositoryPath(dir).setSampling(4, false)
                .addTransform(array -> array).build();
        ImageFolder augmented = ImageFolder.builder().setRepositoryPath(dir).setSampling(4, false)
                .addTransform(new PipelineTransform(p)).build();
        plain.prepare();
        augmented.prepare();
        Shape shape = new Shape(4, H, W, C);
        List<byte[]> in = pass(plain, manager, shape);
        List<byte[]> out = pass(augmented, manager, shape);
        assertEquals(8, out.size());
        Set<String> outcomes = new HashSet<>();
        for (int k = 0; k < 8; k++) {
            assertArrayEquals(expected(p, in.get(k), H, W, C, k), out.get(k), "record " + k);
            outcomes.add(outcome(in.get(k), out.get(k)));
        }
        assertFalse(outcomes.size() < 2, "one flip decision for all records: " + outcomes);
    }
}
