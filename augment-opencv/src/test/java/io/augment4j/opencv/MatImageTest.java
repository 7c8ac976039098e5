package io.augment4j.opencv;

import io.augment4j.api.ArrayImage;
import org.junit.jupiter.api.Test;

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
    void useAfterCloseIsAnErrorNotACrash() {
        MatImage m = MatImage.copyOf(TestImages.randomBytes(2, 2, 3, 1));
        m.close();
        m.close();
        assertThrows(IllegalStateException.class, m::toArrayImage);
    }
}
