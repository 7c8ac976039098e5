package io.augment4j.examples;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Sample;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.api.io.ImageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Example: augment an image and its segmentation mask together, so the mask still marks the same pixels.
 *
 * <p>A {@link Sample} carries the image and, optionally, a mask of the same height and width. Geometric transforms
 * (flips, rotate, affine, crops, warps) move the mask with the very parameters they drew for the image, with
 * nearest-neighbour sampling so labels are never blended, and a constant border fills the mask with 0. Transforms
 * that only change colours leave the mask as it is.
 *
 * <pre>
 * java -cp "samples/target/samples-0.1.0-SNAPSHOT.jar:samples/target/lib/*" io.augment4j.examples.ImageAndMask out/
 * </pre>
 */
public final class ImageAndMask {

    /**
     * What {@link #run} wrote and measured.
     *
     * @param image the augmented image file
     * @param mask the augmented mask file
     * @param size side of both (the pipeline crops to a square of this side)
     * @param overlap intersection over union of the square seen in the image (red pixels) and in the mask
     */
    public record Result(Path image, Path mask, int size, double overlap) {}

    private static final int SIDE = 64; // input image side
    private static final int CROP = 48; // output side

    private ImageAndMask() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/image-and-mask");
        for (int i = 0; i < 4; i++) {
            Result r = run(out, i);
            System.out.printf("%s + %s: square overlap (IoU) %.3f%n", r.image(), r.mask(), r.overlap());
        }
    }

    /**
     * Paints a red square on gray (and the same square in a mask), augments both as sample {@code index}, writes
     * them as {@code out/image_<index>.png} and {@code out/mask_<index>.png}, and measures how well they still agree.
     */
    public static Result run(Path out, long index) throws IOException {
        // 1. An RGB image with a red 24x24 square, and its mask: 255 on the square, 0 elsewhere (one channel;
        //    class ids 0, 1, 2, ... work the same; 255 just makes the PNG easy to look at).
        byte[] rgb = new byte[SIDE * SIDE * 3];
        byte[] labels = new byte[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                boolean square = x >= 16 && x < 40 && y >= 20 && y < 44;
                int p = y * SIDE + x;
                rgb[3 * p] = (byte) (square ? 220 : 90);     // R
                rgb[3 * p + 1] = (byte) (square ? 30 : 90);  // G
                rgb[3 * p + 2] = (byte) (square ? 30 : 90);  // B
                labels[p] = (byte) (square ? 255 : 0);
            }
        }
        Sample input = Sample.of(ArrayImage.wrapBytes(SIDE, SIDE, 3, rgb))
                .withMask(ArrayImage.wrapBytes(SIDE, SIDE, 1, labels));

        // 2. Geometry only: rotate up to 30 degrees (black corners), crop 48x48 anywhere, mirror half the time.
        //    Each step moves the mask with the very parameters (angle, crop box, flip) it drew for the image.
        PipelineSpec spec = PipelineSpec.of(
                Node.step("rotate", Map.of("limit", 30, "border", "constant")),
                Node.step("random_crop", Map.of("height", CROP, "width", CROP)),
                Node.step("hflip").withP(0.5)).withSeed(11L);
        Pipeline pipeline = Pipeline.compile(spec, TransformRegistry.discover());

        // 3. Augment: sample `index` of this pipeline draws from (seed, index), so each index is its own variant.
        Sample augmented = pipeline.apply(input, index);
        ArrayImage image = augmented.image().toArrayImage();
        ArrayImage mask = augmented.mask().toArrayImage(); // same height and width as the image, still 1 channel

        // 4. Write both with the one image writer; the name picks the format (PNG: lossless, so the mask keeps its
        //    exact labels). Each file appears atomically: complete or not at all.
        Files.createDirectories(out);
        Path imageFile = out.resolve("image_" + index + ".png");
        Path maskFile = out.resolve("mask_" + index + ".png");
        ImageFiles.write(image, imageFile);
        ImageFiles.write(mask, maskFile);

        // 5. Do they still line up? Compare the red pixels of the image with the square of the mask. Only the
        //    square's edge can differ: the image was interpolated (blended edge pixels), the mask was not.
        int both = 0;
        int either = 0;
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                boolean red = image.get(y, x, 0) > 155 && image.get(y, x, 1) < 60;
                boolean marked = mask.get(y, x, 0) > 127;
                both += red && marked ? 1 : 0;
                either += red || marked ? 1 : 0;
            }
        }
        return new Result(imageFile, maskFile, image.height(), either == 0 ? 0 : (double) both / either);
    }
}
