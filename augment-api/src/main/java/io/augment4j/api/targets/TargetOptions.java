package io.augment4j.api.targets;

import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import io.augment4j.api.Sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one policy a pipeline applies to the boxes and keypoints its transforms moved (the spec's {@code targets:}
 * map). A pipeline applies it after every step that ran (a box cropped away by one step is not brought back by a
 * later pad), and after a fused run of warps as a whole (whose single warp keeps what an intermediate step would have
 * cut off); transforms themselves move boxes and keypoints without filtering.
 *
 * <p>Boxes: the visibility of a box is its area inside the image divided by its area before clipping, as
 * Albumentations measures it at each transform. A box is dropped (with its label and fields) when nothing of it is
 * left inside the image, or when its visibility is below {@code minVisibility}, or when, clipped, its area is below
 * {@code minArea} or its width or height below {@code minWidth}/{@code minHeight} (pixels). Kept boxes are clipped to
 * the image when {@code clip} is on, otherwise kept as moved.
 *
 * <p>Keypoints outside the image ({@code x} not in {@code [0, W)} or {@code y} not in {@code [0, H)}) are dropped,
 * kept as they are, or clamped onto the nearest point of the image, as {@code keypointsOutside} says. Never silently
 * clamped: the default drops them.
 *
 * <p>{@code flipSwap} pairs labels that trade places under a mirror image ({@code left_eye: right_eye}, given once,
 * applied both ways): after each step whose map mirrors the plane (a flip; a warp whose matrix has a negative
 * determinant), the labels of boxes and keypoints are swapped.
 *
 * @param clip whether kept boxes are clipped to the image
 * @param minArea smallest area in pixels of a kept box (after clipping)
 * @param minVisibility smallest visible fraction of a kept box, in {@code [0, 1]}
 * @param minWidth smallest width in pixels of a kept box (after clipping)
 * @param minHeight smallest height in pixels of a kept box (after clipping)
 * @param keypointsOutside what happens to keypoints outside the image
 * @param flipSwap label pairs swapped by mirroring steps, as given (each pair once)
 */
public record TargetOptions(boolean clip, double minArea, double minVisibility, double minWidth, double minHeight,
                            KeypointsOutside keypointsOutside, Map<String, String> flipSwap) {
    /** Clip, drop boxes with nothing visible and keypoints outside, no label swap. */
    public static final TargetOptions DEFAULT = new TargetOptions(true, 0, 0, 0, 0, KeypointsOutside.DROP, Map.of());

    /** What happens to a keypoint outside the image. */
    public enum KeypointsOutside {
        DROP, KEEP, CLAMP;

        /** {@code drop}, {@code keep} or {@code clamp}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TargetOptions {
        check(minArea, "min_area", Double.MAX_VALUE);
        check(minVisibility, "min_visibility", 1);
        check(minWidth, "min_width", Double.MAX_VALUE);
        check(minHeight, "min_height", Double.MAX_VALUE);
        Objects.requireNonNull(keypointsOutside, "keypointsOutside");
        flipSwap = Map.copyOf(flipSwap);
        for (Map.Entry<String, String> e : flipSwap.entrySet()) {
            if (e.getKey().equals(e.getValue()) || flipSwap.containsKey(e.getValue())) {
                throw new IllegalArgumentException("flip_swap pairs each label once with another label; '"
                        + e.getKey() + ": " + e.getValue() + "' " + (e.getKey().equals(e.getValue())
                        ? "swaps a label with itself" : "is given both ways"));
            }
        }
    }

    private static void check(double v, String name, double max) {
        if (!(v >= 0 && v <= max)) {
            throw new IllegalArgumentException(name + " must be in [0, " + (max == 1 ? "1" : "inf") + "], got " + v);
        }
    }

    /** These options with {@code min_visibility} set. */
    public TargetOptions withMinVisibility(double v) {
        return new TargetOptions(clip, minArea, v, minWidth, minHeight, keypointsOutside, flipSwap);
    }

    /** These options with another keypoint rule. */
    public TargetOptions withKeypointsOutside(KeypointsOutside k) {
        return new TargetOptions(clip, minArea, minVisibility, minWidth, minHeight, k, flipSwap);
    }

    /** These options with a label swap for mirroring steps. */
    public TargetOptions withFlipSwap(Map<String, String> pairs) {
        return new TargetOptions(clip, minArea, minVisibility, minWidth, minHeight, keypointsOutside, pairs);
    }

    /** {@code s} with its boxes and keypoints filtered for its image's size (the same sample if nothing changes). */
    public Sample filter(Sample s) {
        if (s.boxes().isEmpty() && s.keypoints().isEmpty()) {
            return s;
        }
        int w = s.image().width();
        int h = s.image().height();
        List<BoundingBox> boxes = new ArrayList<>(s.boxes().size());
        for (BoundingBox b : s.boxes()) {
            BoundingBox kept = filter(b, w, h);
            if (kept != null) {
                boxes.add(kept);
            }
        }
        List<Keypoint> kps = new ArrayList<>(s.keypoints().size());
        for (Keypoint k : s.keypoints()) {
            Keypoint kept = filter(k, w, h);
            if (kept != null) {
                kps.add(kept);
            }
        }
        if (boxes.equals(s.boxes()) && kps.equals(s.keypoints())) {
            return s;
        }
        return s.withBoxes(boxes).withKeypoints(kps);
    }

    /** The box as kept in a {@code width x height} image (clipped if {@code clip}), or {@code null} if dropped. */
    public BoundingBox filter(BoundingBox b, int width, int height) {
        double x0 = Math.max(0, b.xMin());
        double y0 = Math.max(0, b.yMin());
        double x1 = Math.min(width, b.xMax());
        double y1 = Math.min(height, b.yMax());
        if (!(x1 > x0) || !(y1 > y0)) {
            return null;
        }
        double visible = (x1 - x0) * (y1 - y0);
        double area = b.area();
        if ((area > 0 ? visible / area : 1) < minVisibility || visible < minArea || x1 - x0 < minWidth
                || y1 - y0 < minHeight) {
            return null;
        }
        return clip ? b.withEdges(x0, y0, x1, y1) : b;
    }

    /** The keypoint as kept in a {@code width x height} image, or {@code null} if dropped. */
    public Keypoint filter(Keypoint k, int width, int height) {
        boolean inside = k.x() >= 0 && k.x() < width && k.y() >= 0 && k.y() < height;
        if (inside || keypointsOutside == KeypointsOutside.KEEP) {
            return k;
        }
        if (keypointsOutside == KeypointsOutside.DROP) {
            return null;
        }
        double x = Math.min(Math.nextDown((double) width), Math.max(0, k.x()));
        double y = Math.min(Math.nextDown((double) height), Math.max(0, k.y()));
        return k.moved(x, y, k.angle(), k.scale());
    }

    /** {@code s} with the labels of {@code flipSwap} exchanged on its boxes and keypoints. */
    public Sample swapLabels(Sample s) {
        if (flipSwap.isEmpty() || (s.boxes().isEmpty() && s.keypoints().isEmpty())) {
            return s;
        }
        Map<String, String> both = new HashMap<>(flipSwap);
        flipSwap.forEach((a, b) -> both.put(b, a));
        List<BoundingBox> boxes = s.boxes().stream()
                .map(b -> b.label() != null && both.containsKey(b.label()) ? b.withLabel(both.get(b.label())) : b)
                .toList();
        List<Keypoint> kps = s.keypoints().stream()
                .map(k -> k.label() != null && both.containsKey(k.label()) ? k.withLabel(both.get(k.label())) : k)
                .toList();
        return s.withBoxes(boxes).withKeypoints(kps);
    }

    /**
     * {@code s} without the boxes that {@code hidden} covers beyond {@code minVisibility} (and those it covers
     * entirely): the visible fraction of a box is its area not under any hidden rectangle divided by its area.
     */
    public Sample occlude(Sample s, List<BoundingBox> hidden) {
        if (s.boxes().isEmpty() || hidden.isEmpty()) {
            return s;
        }
        List<BoundingBox> kept = new ArrayList<>(s.boxes().size());
        for (BoundingBox b : s.boxes()) {
            double area = b.area();
            double covered = Areas.coveredWithin(b, hidden);
            double visible = area > 0 ? (area - covered) / area : 1;
            if (visible > 1e-12 && visible >= minVisibility) {
                kept.add(b);
            }
        }
        return kept.size() == s.boxes().size() ? s : s.withBoxes(kept);
    }
}
