package io.augment4j.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a transform maps: an image plus whatever rides along with it, an optional mask of the same height and
 * width, bounding boxes, keypoints and a class label. Boxes and keypoints are in continuous pixel coordinates of the
 * image (pixel {@code i} covers {@code [i, i + 1)}; see {@link io.augment4j.api.targets}).
 *
 * <p>The built-in geometric transforms (flips, rotate, shear, affine, perspective, crops, resize, pad, local warps)
 * move the mask, boxes and keypoints through the same sampled parameters as the pixels; pixel-value transforms leave
 * them as they are. A transform declares what it can carry ({@link Transform#targets()}); a pipeline refuses a sample
 * carrying anything one of its transforms cannot, before running it. Boxes and keypoints that leave the image are
 * filtered by the pipeline's {@link io.augment4j.api.targets.TargetOptions}, not by the transforms.
 *
 * <p>Immutable; the {@code with...} methods return a new sample sharing the unchanged parts.
 */
public final class Sample implements AutoCloseable {
    private final Image image;
    private final Image mask;
    private final List<BoundingBox> boxes;
    private final List<Keypoint> keypoints;
    private final Integer label;

    private Sample(Image image, Image mask, List<BoundingBox> boxes, List<Keypoint> keypoints, Integer label) {
        this.image = Objects.requireNonNull(image, "image");
        if (mask != null && (mask.height() != image.height() || mask.width() != image.width())) {
            throw new ImageFormatException("mask is " + mask.height() + "x" + mask.width() + " but the image is "
                    + image.height() + "x" + image.width() + "; they must match");
        }
        this.mask = mask;
        this.boxes = List.copyOf(boxes);
        this.keypoints = List.copyOf(keypoints);
        this.label = label;
    }

    /** A sample holding only an image. */
    public static Sample of(Image image) {
        return new Sample(image, null, List.of(), List.of(), null);
    }

    public Image image() {
        return image;
    }

    /** The mask, or {@code null}. */
    public Image mask() {
        return mask;
    }

    public List<BoundingBox> boxes() {
        return boxes;
    }

    public List<Keypoint> keypoints() {
        return keypoints;
    }

    /** The class label, or {@code null}. */
    public Integer label() {
        return label;
    }

    public Sample withImage(Image newImage) {
        return new Sample(newImage, mask, boxes, keypoints, label);
    }

    public Sample withMask(Image newMask) {
        return new Sample(image, newMask, boxes, keypoints, label);
    }

    public Sample withBoxes(List<BoundingBox> newBoxes) {
        return new Sample(image, mask, newBoxes, keypoints, label);
    }

    public Sample withKeypoints(List<Keypoint> newKeypoints) {
        return new Sample(image, mask, boxes, newKeypoints, label);
    }

    public Sample withLabel(Integer newLabel) {
        return new Sample(image, mask, boxes, keypoints, newLabel);
    }

    /** The targets present: always {@link Target#IMAGE}, plus mask, boxes and keypoints when there are any. */
    public Set<Target> targets() {
        EnumSet<Target> t = EnumSet.of(Target.IMAGE);
        if (mask != null) {
            t.add(Target.MASK);
        }
        if (!boxes.isEmpty()) {
            t.add(Target.BOXES);
        }
        if (!keypoints.isEmpty()) {
            t.add(Target.KEYPOINTS);
        }
        return t;
    }

    /** This sample with heap copies of its images; native images it replaces are closed unless in {@code keep}. */
    public Sample toArrayImages(Sample keep) {
        Image img = image instanceof ArrayImage ? image : image.toArrayImage();
        Image msk = mask == null || mask instanceof ArrayImage ? mask : mask.toArrayImage();
        Sample out = new Sample(img, msk, boxes, keypoints, label);
        closeImagesNotIn(out, keep);
        return out;
    }

    /**
     * Closes this sample's images that appear (by identity) in neither {@code next} nor {@code protect}: how a
     * pipeline releases the intermediate native images it made once the following step has replaced them.
     */
    public void closeImagesNotIn(Sample next, Sample protect) {
        closeUnless(image, next, protect);
        if (mask != null) {
            closeUnless(mask, next, protect);
        }
    }

    private static void closeUnless(Image img, Sample next, Sample protect) {
        if (!uses(next, img) && !uses(protect, img)) {
            img.close();
        }
    }

    private static boolean uses(Sample s, Image img) {
        return s != null && (s.image == img || s.mask == img);
    }

    /** Closes the native images this sample holds. Only the owner of a sample may call it. */
    @Override
    public void close() {
        image.close();
        if (mask != null) {
            mask.close();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample s && image.equals(s.image) && Objects.equals(mask, s.mask) && boxes.equals(s.boxes)
                && keypoints.equals(s.keypoints) && Objects.equals(label, s.label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(image, mask, boxes, keypoints, label);
    }

    @Override
    public String toString() {
        return "Sample[image=" + image.describe() + (mask != null ? ", mask=" + mask.describe() : "")
                + (boxes.isEmpty() ? "" : ", boxes=" + boxes.size())
                + (keypoints.isEmpty() ? "" : ", keypoints=" + keypoints.size())
                + (label != null ? ", label=" + label : "") + "]";
    }
}
