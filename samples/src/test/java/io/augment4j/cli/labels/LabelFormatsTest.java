package io.augment4j.cli.labels;

import io.augment4j.api.ArrayImage;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.PixelType;
import io.augment4j.api.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each format read, written and read again; refusals that name the file and line. */
class LabelFormatsTest {
    @TempDir
    Path dir;

    private static Sample sample(int w, int h, List<BoundingBox> boxes) {
        return Sample.of(ArrayImage.zeros(h, w, 3, PixelType.UINT8)).withBoxes(boxes);
    }

    @Test
    void yoloWritesWhatItReads() throws IOException {
        Path image = dir.resolve("a.png");
        String text = "0 0.25 0.5 0.1 0.2\n12 0.703125 0.1 0.5 0.2\n";
        Files.writeString(dir.resolve("a.txt"), text);
        YoloLabels yolo = new YoloLabels(MissingLabels.ERROR);
        ImageLabels read = yolo.read(image, "a.png", 640, 480);
        assertEquals(new BoundingBox(128, 192, 192, 288, "0"), read.boxes().get(0));
        assertEquals(text, new String(yolo.render(image, sample(640, 480, read.boxes())), StandardCharsets.UTF_8));
    }

    @Test
    void vocReadsOneBasedInclusivePixelsAndWritesThemBack() throws IOException {
        Path image = dir.resolve("a.jpg");
        Files.writeString(dir.resolve("a.xml"), """
                <annotation><size><width>64</width><height>48</height></size>
                <object><name>dog</name><truncated>1</truncated>
                <bndbox><xmin>1</xmin><ymin>0</ymin><xmax>64</xmax><ymax>10</ymax></bndbox></object>
                </annotation>""");
        VocLabels voc = new VocLabels(MissingLabels.ERROR);
        BoundingBox b = voc.read(image, "a.jpg", 64, 48).boxes().get(0);
        assertArrayEquals(new double[] {0, 0, 64, 10}, new double[] {b.xMin(), b.yMin(), b.xMax(), b.yMax()},
                "xmin=1 and a 0-based ymin=0 are the image border; xmax=W the right border");
        assertEquals("1", b.fields().get("truncated"));
        String xml = new String(voc.render(image, sample(64, 48, List.of(b))), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<xmin>1</xmin>") && xml.contains("<ymin>1</ymin>") && xml.contains("<xmax>64</xmax>")
                && xml.contains("<truncated>1</truncated>"), xml);

        LabelFileException e = assertThrows(LabelFileException.class, () -> voc.read(image, "a.jpg", 65, 48));
        assertEquals(dir.resolve("a.xml") + ":1: <size><width> is 64 but the image is 65 pixels wide", e.getMessage());
    }

    @Test
    void cocoRefusesAFileThatDoesNotHoldTogetherNamingTheLine() throws IOException {
        Path f = Files.writeString(dir.resolve("c.json"), """
                {"images": [{"id": 1, "file_name": "a.png"}],
                 "categories": [{"id": 1, "name": "x"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1]},
                   {"id": 2, "image_id": 5, "category_id": 1, "bbox": [0, 0, 1, 1]}
                 ]}""");
        LabelFileException e = assertThrows(LabelFileException.class, () -> CocoLabels.load(f, MissingLabels.ERROR));
        assertEquals(f + ":5: annotation of image_id 5, which is not in 'images'", e.getMessage());

        Path g = Files.writeString(dir.resolve("g.json"), """
                {"images": [{"id": 1, "file_name": "sub/a.png", "width": 10, "height": 8}],
                 "categories": [{"id": 1, "name": "x"}], "annotations": []}""");
        CocoLabels coco = CocoLabels.load(g, MissingLabels.ERROR);
        assertEquals(List.of(), coco.read(dir.resolve("a.png"), "a.png", 10, 8).boxes(), "found by its file name");
        LabelFileException missing = assertThrows(LabelFileException.class,
                () -> coco.read(dir.resolve("b.png"), "b.png", 10, 8));
        assertTrue(missing.getMessage().startsWith(g + ": no image with file_name 'b.png'"), missing.getMessage());
        LabelFileException size = assertThrows(LabelFileException.class,
                () -> coco.read(dir.resolve("a.png"), "sub/a.png", 12, 8));
        assertTrue(size.getMessage().startsWith(g + ":1: image 'sub/a.png' is 10x8 here but 12x8"), size.getMessage());
        assertEquals(0, CocoLabels.load(g, MissingLabels.EMPTY).read(dir.resolve("b.png"), "b.png", 3, 3).boxes()
                .size());
    }
}
