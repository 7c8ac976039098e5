package io.augment4j.api;

import io.augment4j.api.testing.TestTransforms;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTest {
    @Test
    void factoriesCopyTheCallersArray() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        ArrayImage img = ArrayImage.ofBytes(1, 2, 3, data);
        data[0] = 99;
        assertEquals(1, img.get(0, 0, 0));
        byte[] copy = img.copyBytes();
        copy[1] = 99;
        assertEquals(2, img.get(0, 0, 1));
    }

    @Test
    void copyToFillsTheStartOfAReusedArrayAndRefusesWhatDoesNotFit() {
        ArrayImage bytes = ArrayImage.ofBytes(1, 2, 3, new byte[] {1, 2, 3, 4, 5, (byte) 250});
        byte[] dst = new byte[8];
        dst[6] = 7;
        dst[7] = 8;
        bytes.copyTo(dst);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, (byte) 250, 7, 8}, dst);
        ArrayImage floats = ArrayImage.ofFloats(2, 1, 1, new float[] {0.5f, -1f});
        float[] f = new float[2];
        floats.copyTo(f);
        assertArrayEquals(new float[] {0.5f, -1f}, f);

        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> bytes.copyTo(new float[6]));
        assertEquals("cannot copy the 1x2x3 UINT8 image into a float[]: use copyTo(byte[])", wrongType.getMessage());
        IllegalArgumentException shortDst = assertThrows(IllegalArgumentException.class,
                () -> bytes.copyTo(new byte[5]));
        assertEquals("the 1x2x3 UINT8 image has 6 values, the destination array only 5", shortDst.getMessage());
    }

    @Test
    void shapeErrorsAreClear() {
        ImageFormatException e = assertThrows(ImageFormatException.class,
                () -> ArrayImage.ofBytes(2, 2, 2, new byte[8]));
        assertTrue(e.getMessage().contains("1, 3 or 4 channels"), e.getMessage());
        e = assertThrows(ImageFormatException.class, () -> ArrayImage.ofBytes(2, 2, 3, new byte[11]));
        assertTrue(e.getMessage().contains("needs 12 values, the array has 11"), e.getMessage());
        e = assertThrows(ImageFormatException.class, () -> ArrayImage.ofFloats(0, 2, 3, new float[0]));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
        ArrayImage f = ArrayImage.ofFloats(1, 1, 1, new float[] {0.5f});
        e = assertThrows(ImageFormatException.class, f::rawBytes);
        assertTrue(e.getMessage().contains("FLOAT32"), e.getMessage());
    }

    @Test
    void unsignedBytesAndFloatConversion() {
        ArrayImage img = ArrayImage.ofBytes(1, 1, 3, new byte[] {(byte) 255, (byte) 128, 0});
        assertEquals(255, img.get(0, 0, 0));
        assertArrayEquals(new float[] {255f, 128f, 0f}, img.toFloat32().rawFloats());
        ArrayImage f = ArrayImage.ofFloats(1, 1, 4, new float[] {-3f, 254.6f, 300f, Float.NaN});
        assertArrayEquals(new byte[] {0, (byte) 255, (byte) 255, 0}, f.toUint8().rawBytes());
        assertEquals(img, img.toFloat32().toUint8());
    }

    @Test
    void bufferedImageRoundTripKeepsEveryValue() {
        for (int c : new int[] {1, 3, 4}) {
            ArrayImage img = TestTransforms.randomImage(7, 5, c, c);
            BufferedImage bi = BufferedImages.toBufferedImage(img);
            assertEquals(5, bi.getWidth());
            assertEquals(7, bi.getHeight());
            assertEquals(img, BufferedImages.toImage(bi), "channels " + c);
        }
    }

    @Test
    void bufferedImageChannelOrderIsRgb() {
        BufferedImage bi = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        bi.setRGB(0, 0, 0xFF0000);
        bi.setRGB(1, 0, 0x0000FF);
        ArrayImage img = BufferedImages.toImage(bi);
        assertEquals(3, img.channels());
        assertArrayEquals(new byte[] {(byte) 255, 0, 0, 0, 0, (byte) 255}, img.rawBytes());
        BufferedImage back = BufferedImages.toBufferedImage(img);
        assertEquals(0xFF0000, back.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void sixteenBitImagesAreScaledNotTruncatedAndDeeperOnesRefused() {
        BufferedImage bi = new BufferedImage(3, 3, BufferedImage.TYPE_USHORT_GRAY);
        ((DataBufferUShort) bi.getRaster().getDataBuffer()).getData()[0] = (short) 60000;
        ((DataBufferUShort) bi.getRaster().getDataBuffer()).getData()[1] = (short) 255; // truncation would keep 255
        ArrayImage img = BufferedImages.toImage(bi);
        assertEquals(233, (int) img.get(0, 0, 0)); // round(60000 * 255 / 65535) = round(233.47)
        assertEquals(1, (int) img.get(0, 1, 0)); // round(0.99)
        java.awt.image.ComponentColorModel deep = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_GRAY), new int[] {32}, false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_INT);
        BufferedImage bi32 = new BufferedImage(deep, deep.createCompatibleWritableRaster(2, 2), false, null);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> BufferedImages.toImage(bi32));
        assertTrue(e.getMessage().contains("32-bit"), e.getMessage());
    }

    @Test
    void sampleChecksMaskSizeAndReportsTargets() {
        ArrayImage img = ArrayImage.zeros(4, 4, 3, PixelType.UINT8);
        assertThrows(ImageFormatException.class, () -> Sample.of(img).withMask(ArrayImage.zeros(4, 5, 1, PixelType.UINT8)));
        Sample s = Sample.of(img).withMask(ArrayImage.zeros(4, 4, 1, PixelType.UINT8))
                .withBoxes(java.util.List.of(new BoundingBox(0, 0, 2, 2, "cat")));
        assertEquals(java.util.EnumSet.of(Target.IMAGE, Target.MASK, Target.BOXES), s.targets());
        assertNotEquals(s, Sample.of(img));
    }
}
