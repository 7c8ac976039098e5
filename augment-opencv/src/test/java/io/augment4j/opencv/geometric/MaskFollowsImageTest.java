package io.augment4j.opencv.geometric;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.Sample;
import io.augment4j.api.Target;
import io.augment4j.api.pipeline.Node;
import io.augment4j.api.pipeline.Pipeline;
import io.augment4j.opencv.TestImages;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masks move with the image: same geometry, nearest-neighbour, label 0 outside. */
class MaskFollowsImageTest {
    private static Map<String, Map<String, Object>> specs() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        Map<String, Object> warp = Map.of("interpolation", "nearest", "border", "constant");
        m.put("hflip", Map.of());
        m.put("vflip", Map.of());
        m.put("rotate", warp);
        m.put("shear", withAll(warp, Map.of("y", 8)));
        m.put("affine", warp);
        m.put("perspective", warp);
        m.put("grid_distortion", withAll(warp, Map.of("distort_limit", 0.2)));
        m.put("elastic", withAll(warp, Map.of("alpha", 200.0)));
        m.put("optical_distortion", withAll(warp, Map.of("k", List.of(0.5, 0.9))));
        m.put("random_crop", Map.of("fraction", 0.7, "resize_back", true, "interpolation", "nearest"));
        m.put("center_crop", Map.of("height", 11, "width", 13));
        m.put("random_resized_crop", Map.of("height", 40, "width", 30, "interpolation", "nearest"));
        m.put("pad_if_needed", Map.of("min_height", 40, "min_width", 41, "border", "constant"));
        m.put("resize", Map.of("height", 41, "width", 17, "interpolation", "nearest"));
        return m;
    }

    private static Map<String, Object> withAll(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new HashMap<>(a);
        m.putAll(b);
        return m;
    }

    @Test
    void aMaskEqualToTheImageStaysEqualToIt() {
        ArrayImage img = TestImages.randomBytes(27, 33, 1, 12);
        for (var e : specs().entrySet()) {
            Pipeline p = GeoTestSupport.pipeline(4, Node.step(e.getKey(), e.getValue()));
            for (int i = 0; i < 3; i++) {
                Sample out = p.apply(Sample.of(img).withMask(img), i);
                assertEquals(out.image(), out.mask(), e.getKey() + " index " + i);
                if (!e.getKey().endsWith("crop") && !e.getKey().equals("pad_if_needed")
                        && !e.getKey().equals("resize")) {
                    assertNotEquals(img, out.mask(), e.getKey());
                }
            }
            assertTrue(GeoTestSupport.REGISTRY.create(e.getKey(), e.getValue()).targets().contains(Target.MASK));
        }
    }

    @Test
    void labelsAreNeverBlendedEvenWithLinearImages() {
        byte[] labels = new byte[30 * 30];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) ((i / 7) % 3 == 0 ? 0 : (i / 7) % 3 == 1 ? 3 : 7);
        }
        ArrayImage mask = ArrayImage.wrapBytes(30, 30, 1, labels);
        ArrayImage img = TestImages.photo(30, 30, 3);
        for (String name : specs().keySet()) {
            Pipeline p = GeoTestSupport.pipeline(4, Node.step(name, name.equals("pad_if_needed")
                    ? Map.of("min_height", 40) : name.endsWith("crop") && !name.startsWith("random_resized")
                    ? Map.of("fraction", 0.5) : Map.of()));
            ArrayImage m = p.apply(Sample.of(img).withMask(mask), 1).mask().toArrayImage();
            for (byte b : m.rawBytes()) {
                assertTrue(b == 0 || b == 3 || b == 7, name + " made label " + b);
            }
        }
    }
}
