package io.augment4j.benchmarks;

import io.augment4j.api.ArrayImage;
import io.augment4j.opencv.MatImage;
import io.augment4j.opencv.OpenCvRuntime;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmark input: a photo-like RGB UINT8 image of {@code size x size}, made exactly as bench_cv2.py makes
 * its own with {@code --image} (decode, BGR to RGB, {@code INTER_AREA} when shrinking, else {@code INTER_LINEAR}).
 *
 * <p>{@code input} is either a bundled sample name ({@code chelsea}, {@code coffee}, {@code astronaut}, looked up in
 * {@code samples/images} from the working directory upwards) or a file path; a path containing {@code %d} gets the
 * size filled in. run.sh passes the PNGs that bench_cv2.py saved ({@code --save-input}), so Java and Python time
 * the very same pixels, synthetic or photo.
 */
public final class Inputs {
    private Inputs() {
    }

    /** The input image for {@code size}; see the class comment for {@code input}. */
    public static ArrayImage load(String input, int size) {
        OpenCvRuntime.ensureLoaded();
        Path file = resolve(input, size);
        Mat bgr = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        if (bgr.empty()) {
            throw new IllegalArgumentException("cannot decode benchmark input " + file);
        }
        Mat rgb = new Mat();
        Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
        bgr.release();
        if (rgb.rows() != size || rgb.cols() != size) {
            int interp = Math.min(rgb.rows(), rgb.cols()) > size ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
            Mat resized = new Mat();
            Imgproc.resize(rgb, resized, new Size(size, size), 0, 0, interp);
            rgb.release();
            rgb = resized;
        }
        MatImage img = MatImage.own(rgb);
        try {
            return img.toArrayImage();
        } finally {
            img.close();
        }
    }

    static Path resolve(String input, int size) {
        if (input.contains("%d")) {
            return existing(Path.of(String.format(Locale.ROOT, input, size)));
        }
        if (input.matches("[a-z]+")) {
            Path dir = Path.of("").toAbsolutePath();
            for (Path d = dir; d != null; d = d.getParent()) {
                for (String ext : new String[] {".png", ".jpg"}) {
                    Path p = d.resolve("samples/images/" + input + ext);
                    if (Files.isRegularFile(p)) {
                        return p;
                    }
                }
            }
            throw new IllegalArgumentException("no samples/images/" + input + ".png or .jpg above " + dir);
        }
        return existing(Path.of(input));
    }

    private static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("benchmark input " + p.toAbsolutePath() + " does not exist");
        }
        return p;
    }
}
