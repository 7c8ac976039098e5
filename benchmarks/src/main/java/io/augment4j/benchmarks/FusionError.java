package io.augment4j.benchmarks;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Sample;
import io.augment4j.api.geometry.Matrices;
import io.augment4j.api.geometry.ProjectiveParams;
import io.augment4j.api.pipeline.Applied;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.pipeline.Replay;
import io.augment4j.api.registry.TransformRegistry;
import io.augment4j.opencv.MatImage;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.List;
import java.util.Locale;

/**
 * How far fused warps are from unfused ones, in the measure issue 16 asks for: the mean absolute difference, in
 * levels of 0-255 per channel, on the bundled photos. Pipeline: pipeline9's geometric run (hflip, vflip, rotate +-15,
 * shear +-10, crop 0.8 + resize back, each p = 0.5), once fused (one resampling) and once step by step (one per step
 * that fires, as the Python baseline does), from the same sample indices and so the same draws. Both are also set
 * against a reference: the photo in float, warped once by the product of the fired steps' matrices with Lanczos
 * interpolation (the best single resampling OpenCV has). A margin of 12 pixels is left out, where the two ways
 * reflect the border differently.
 *
 * <pre>java -cp ... io.augment4j.benchmarks.FusionError [--sizes 224,512] [--samples 50]</pre>
 */
public final class FusionError {
    private static final int MARGIN = 12;
    private static final List<String> PHOTOS = List.of("chelsea", "coffee", "astronaut");

    private FusionError() {
    }

    public static void main(String[] args) {
        MainArgs opts = MainArgs.parse(args, "sizes", "224,512", "samples", "50");
        String sizes = opts.get("sizes");
        int samples = opts.getInt("samples");
        io.augment4j.opencv.OpenCvRuntime.ensureLoaded();
        TransformRegistry registry = TransformRegistry.discover();
        PipelineSpec geometric = PipelineSpec.of(BenchOps.pipeline9().root().steps().subList(0, 5)
                .toArray(Node[]::new));
        Pipeline fused = Pipeline.compile(geometric, registry, true);
        Pipeline plain = Pipeline.compile(geometric, registry, false);
        System.out.printf(Locale.ROOT, "FusionError: pipeline9's geometric run, %d samples per photo and size, "
                + "mean absolute difference in levels (0-255), %d px margin left out%n%n", samples, MARGIN);
        System.out.println("| photo | size | fused vs unfused | fused vs reference | unfused vs reference |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String s : sizes.split(",")) {
            int size = Integer.parseInt(s.trim());
            for (String photo : PHOTOS) {
                ArrayImage image = Inputs.load(photo, size);
                double[] sum = new double[3];
                for (int i = 0; i < samples; i++) {
                    Applied f = fused.applyRecorded(Sample.of(image), i);
                    Applied p = plain.applyRecorded(Sample.of(image), i);
                    ArrayImage a = f.sample().image().toArrayImage();
                    ArrayImage b = p.sample().image().toArrayImage();
                    ArrayImage ref = reference(image, matrix(p.replay()), a.width(), a.height());
                    sum[0] += meanAbsDiff(a, b);
                    sum[1] += meanAbsDiff(a, ref);
                    sum[2] += meanAbsDiff(b, ref);
                }
                System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f |%n", photo, size, sum[0] / samples,
                        sum[1] / samples, sum[2] / samples);
            }
        }
    }

    /** The product of the fired steps' matrices, in the order they ran (pixel-centre coordinates). */
    private static double[] matrix(Replay replay) {
        double[] m = Matrices.identity();
        if (replay instanceof Replay.OfStep step) {
            if (step.applied()) {
                m = ((ProjectiveParams) step.params()).matrix();
            }
        } else if (replay instanceof Replay.OfSequence seq) {
            for (Replay r : seq.steps()) {
                m = Matrices.multiply(matrix(r), m);
            }
        } else {
            throw new IllegalStateException("unexpected replay " + replay);
        }
        return m;
    }

    /** {@code image} in float, warped once by {@code m} with Lanczos, rounded back to 8 bits. */
    private static ArrayImage reference(ArrayImage image, double[] m, int width, int height) {
        try (MatImage src = MatImage.copyOf(image)) {
            Mat f = new Mat();
            src.mat().convertTo(f, CvType.CV_32F);
            Mat h = new Mat(3, 3, CvType.CV_64F);
            h.put(0, 0, m);
            Mat out = new Mat();
            Imgproc.warpPerspective(f, out, h, new Size(width, height), Imgproc.INTER_LANCZOS4,
                    Core.BORDER_REFLECT_101);
            Mat u8 = new Mat();
            out.convertTo(u8, CvType.CV_8U);
            try (MatImage r = MatImage.own(u8)) {
                return r.toArrayImage();
            } finally {
                f.release();
                h.release();
                out.release();
            }
        }
    }

    private static double meanAbsDiff(ArrayImage a, ArrayImage b) {
        byte[] x = a.rawBytes();
        byte[] y = b.rawBytes();
        int c = a.channels();
        double s = 0;
        long n = 0;
        for (int r = MARGIN; r < a.height() - MARGIN; r++) {
            for (int col = MARGIN * c; col < (a.width() - MARGIN) * c; col++) {
                int i = r * a.width() * c + col;
                s += Math.abs((x[i] & 0xFF) - (y[i] & 0xFF));
                n++;
            }
        }
        return s / n;
    }
}
