package io.augment4j.opencv;

import io.augment4j.api.ArrayImage;
import org.opencv.core.Rect;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MatImageTest {
    @Test
    void heapToNativeAndBackKeepsEveryValue() {
        for (int c : new int[] {1, 3, 4}) {
            ArrayImage b = TestImages.randomBytes(5, 7, c, c);
            ArrayImage f = TestImages.randomFloats(5, 7, c, c);
            try (MatImage mb = MatImage.copyOf(b); MatImage mf = MatImage.copyOf(f)) {
                assertEquals(b, mb.toArrayImage());
                assertEquals(f, mf.toArrayImage());
                assertEquals(c, mb.channels());
            }
        }
    }

    @Test
    void copyToGivesTheSameValuesAsToArrayImageIntoTheCallersArray() {
        for (int c : new int[] {1, 3, 4}) {
            ArrayImage b = TestImages.randomBytes(5, 7, c, c);
            ArrayImage f = TestImages.randomFloats(5, 7, c, c);
            try (MatImage mb = MatImage.copyOf(b); MatImage mf = MatImage.copyOf(f)) {
                byte[] bytes = new byte[b.valueCount() + 2];
                bytes[bytes.length - 1] = 42;
                mb.copyTo(bytes);
                assertArrayEquals(b.rawBytes(), Arrays.copyOf(bytes, b.valueCount()));
                assertEquals(42, bytes[bytes.length - 1], "the tail beyond the image is left alone");
                float[] floats = new float[f.valueCount()];
                mf.copyTo(floats);
                assertArrayEquals(f.rawFloats(), floats);
                assertThrows(IllegalArgumentException.class, () -> mb.copyTo(new float[b.valueCount()]));
                assertThrows(IllegalArgumentException.class, () -> mf.copyTo(new float[f.valueCount() - 1]));
            }
        }
    }

    @Test
    void copyToReadsANonContinuousMatRowByRow() {
        ArrayImage b = TestImages.randomBytes(6, 8, 3, 5);
        try (MatImage whole = MatImage.copyOf(b);
             MatImage part = MatImage.own(whole.mat().submat(new Rect(2, 1, 4, 3)))) {
            byte[] dst = new byte[part.valueCount()];
            part.copyTo(dst);
            assertArrayEquals(part.toArrayImage().rawBytes(), dst);
            assertEquals(b.get(1, 2, 0), dst[0] & 0xFF);
            assertEquals(b.get(3, 5, 2), dst[dst.length - 1] & 0xFF);
        }
    }

    @Test
    void useAfterCloseIsAnErrorNotACrash() {
        MatImage m = MatImage.copyOf(TestImages.randomBytes(2, 2, 3, 1));
        m.close();
        m.close();
        assertThrows(IllegalStateException.class, m::toArrayImage);
    }
}
