package io.augment4j.opencv.geometric;

import io.augment4j.api.ImageFormatException;
import io.augment4j.api.spi.ParamSpec;
import io.augment4j.api.spi.Params;
import org.opencv.core.Core;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.util.List;
import java.util.Locale;

/**
 * The resampling settings shared by every warp, crop and resize: interpolation, border mode and the fill value of a
 * constant border, with their parameter declarations so every transform documents them the same way.
 *
 * <p>Interpolation {@code area} is meaningful for resizing only; OpenCV's warps ({@code warpAffine},
 * {@code warpPerspective}, {@code remap}) treat it as {@code linear}. The fill is in the image's own value scale
 * (0..255 for UINT8, whatever the float image holds for FLOAT32); one value is used for every channel, otherwise
 * give exactly one value per channel (RGBA: four, so the alpha of the filled area is explicit).
 *
 * @param interpolation OpenCV interpolation flag
 * @param border OpenCV border mode
 * @param fill fill values for {@code constant}
 */
public record WarpOptions(int interpolation, int border, double[] fill) {
    /** The interpolation choices, in the order {@code aug describe} lists them. */
    public static final List<String> INTERPOLATIONS = List.of("nearest", "linear", "cubic", "area");
    /** The border choices. */
    public static final List<String> BORDERS = List.of("constant", "reflect", "reflect101", "replicate", "wrap");

    /** Linear interpolation, reflect-101 border, fill 0: the Python baseline's settings. */
    public static final WarpOptions DEFAULT = new WarpOptions(Imgproc.INTER_LINEAR, Core.BORDER_REFLECT_101,
            new double[] {0});

    public WarpOptions {
        fill = fill.clone();
    }

    /** {@code interpolation} parameter declaration. */
    public static ParamSpec interpolationSpec() {
        return ParamSpec.ofChoice("interpolation", "linear", INTERPOLATIONS,
                "how pixels are resampled (area acts as linear in warps; it matters for downscaling)");
    }

    /** {@code border} parameter declaration. */
    public static ParamSpec borderSpec() {
        return ParamSpec.ofChoice("border", "reflect101", BORDERS,
                "how pixels outside the input are made: constant (the fill value), reflect (abc|cba), "
                        + "reflect101 (abc|ba), replicate (abc|cc) or wrap (abc|abc)");
    }

    /** {@code fill} parameter declaration. */
    public static ParamSpec fillSpec() {
        return ParamSpec.ofDoubles("fill", List.of(0.0), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                "value(s) for border=constant, in the image's value scale: one for all channels or one per channel");
    }

    /** The three declarations, in order. */
    public static List<ParamSpec> specs() {
        return List.of(interpolationSpec(), borderSpec(), fillSpec());
    }

    /** Reads the three parameters (all must be declared). */
    public static WarpOptions from(Params p) {
        return new WarpOptions(interpolationCode(p.getString("interpolation")), borderCode(p.getString("border")),
                p.getDoubleArray("fill"));
    }

    /** OpenCV's flag for an interpolation word. */
    public static int interpolationCode(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "nearest" -> Imgproc.INTER_NEAREST;
            case "linear" -> Imgproc.INTER_LINEAR;
            case "cubic" -> Imgproc.INTER_CUBIC;
            case "area" -> Imgproc.INTER_AREA;
            default -> throw new IllegalArgumentException("unknown interpolation '" + word + "'");
        };
    }

    /** OpenCV's code for a border word. */
    public static int borderCode(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "constant" -> Core.BORDER_CONSTANT;
            case "reflect" -> Core.BORDER_REFLECT;
            case "reflect101" -> Core.BORDER_REFLECT_101;
            case "replicate" -> Core.BORDER_REPLICATE;
            case "wrap" -> Core.BORDER_WRAP;
            default -> throw new IllegalArgumentException("unknown border '" + word + "'");
        };
    }

    /** Interpolation for warps: OpenCV's warps do not support area, which means linear there. */
    public int warpInterpolation() {
        return interpolation == Imgproc.INTER_AREA ? Imgproc.INTER_LINEAR : interpolation;
    }

    /** The fill as an OpenCV scalar for an image of {@code channels} channels. */
    public Scalar fillScalar(String transform, int channels) {
        if (fill.length == 1) {
            return Scalar.all(fill[0]);
        }
        if (fill.length != channels) {
            throw new ImageFormatException("transform '" + transform + "': fill has " + fill.length
                    + " values but the image has " + channels + " channels; give one value or one per channel");
        }
        double[] v = new double[4];
        System.arraycopy(fill, 0, v, 0, channels);
        return new Scalar(v);
    }

    /** Equal settings warp identically (fill compared by value), which is what warp fusion checks. */
    @Override
    public boolean equals(Object o) {
        return o instanceof WarpOptions w && interpolation == w.interpolation && border == w.border
                && java.util.Arrays.equals(fill, w.fill);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * interpolation + border) + java.util.Arrays.hashCode(fill);
    }

    @Override
    public String toString() {
        return "WarpOptions[interpolation=" + interpolation + ", border=" + border + ", fill="
                + java.util.Arrays.toString(fill) + "]";
    }
}
