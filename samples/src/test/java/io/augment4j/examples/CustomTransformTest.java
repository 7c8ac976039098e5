package io.augment4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.AugmentException;
import io.augment4j.api.PixelType;
import org.junit.jupiter.api.Test;

class CustomTransformTest {

    @Test
    void theInlineSpecUsesTheRegisteredVignette() {
        ArrayImage out = CustomTransform.run("hflip | my.vignette(strength=0.5)", 0);
        assertEquals(PixelType.UINT8, out.pixelType());
        for (int c = 0; c < 3; c++) {
            // factor 1 - 0.5 * d^2, d the distance from the centre over the half-diagonal: exact on this grid
            assertEquals(200, out.get(16, 16, c), "centre: d = 0");
            assertEquals(100, out.get(0, 0, c), "corner: d = 1");
            assertEquals(100, out.get(32, 32, c), "corner: d = 1");
            assertEquals(150, out.get(0, 16, c), "middle of an edge: d^2 = 1/2");
        }
    }

    @Test
    void theRegistryChecksTheDeclaredRange() {
        AugmentException e = assertThrows(AugmentException.class,
                () -> CustomTransform.run("my.vignette(strength=2)", 0));
        assertTrue(e.getMessage().contains("strength"), e.getMessage());
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }
}
