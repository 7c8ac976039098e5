package io.augment4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --labels yolo|voc|coco} through {@code aug apply}, {@code aug preview} and {@code aug replay}. */
class LabelsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Fixtures.Run apply(String spec, Path in, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--spec", spec, "--in", in.toString(), "--out",
                out.toString(), "--seed", "5", "-q"));
        args.addAll(List.of(more));
        return Fixtures.aug(args.toArray(String[]::new));
    }

    /** The numbers of each line of a YOLO file. */
    private static List<double[]> yolo(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            if (!l.isBlank()) {
                rows.add(Stream.of(l.trim().split(" ")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return rows;
    }

    private static void assertRows(List<double[]> expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 1e-6, "line " + (i + 1));
        }
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(InputTree.relative(root, p), Files.readAllBytes(p));
            }
        }
        return m;
    }

    @Test
    void yoloBoxesFollowAHorizontalFlip() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(100, 60));
        Files.writeString(in.resolve("a.txt"), "0 0.2 0.25 0.2 0.3\n\n1 0.7 0.5 0.2 0.4\n");
        Files.writeString(in.resolve("classes.txt"), "cat\ndog\n");
        Path out = dir.resolve("out");
        Fixtures.Run r = apply("hflip(p=1)", in, out, "--labels", "yolo");
        assertEquals(0, r.code(), r.toString());
        assertEquals("cat\ndog\n", Files.readString(out.resolve("classes.txt")), "class names go with the outputs");
        // centre x -> 1 - x, sizes unchanged
        assertRows(List.of(new double[] {0, 0.8, 0.25, 0.2, 0.3}, new double[] {1, 0.3, 0.5, 0.2, 0.4}),
                yolo(out.resolve("a_aug0.txt")));
        Manifest.Labels l = Manifest.read(out.resolve("manifest.jsonl")).entries().get("a_aug0.png").labels();
        assertEquals(new Manifest.Labels("yolo", in.resolve("a.txt").toAbsolutePath().toString(), 2, 0, 0, 0, null),
                l);
        assertTrue(r.out().contains("yolo labels: 2 boxes kept, 0 dropped"), r.out());
    }

    @Test
    void labelsOnAClusterEngineAreRefusedBeforeAnyWork() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(10, 10));
        Files.writeString(in.resolve("a.txt"), "0 0.5 0.5 0.2 0.2\n");
        Path out = dir.resolve("out");
        Fixtures.Run r = apply("hflip", in, out, "--labels", "yolo", "--engine", "spark");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("--labels runs on the local engine only"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void vocBoxesFollowAHorizontalFlipWithTheOneBasedConvention() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(100, 60));
        Files.writeString(in.resolve("a.xml"), """
                <annotation>
                  <filename>a.png</filename>
                  <size><width>100</width><height>60</height><depth>3</depth></size>
                  <object>
                    <name>cat &amp; dog</name><pose>Left</pose><difficult>1</difficult>
                    <bndbox><xmin>11</xmin><ymin>6</ymin><xmax>30</xmax><ymax>25</ymax></bndbox>
                  </object>
                </annotation>
                """);
        Path out = dir.resolve("out");
        Fixtures.Run r = apply("hflip(p=1)", in, out, "--labels", "voc");
        assertEquals(0, r.code(), r.toString());
        String xml = Files.readString(out.resolve("a_aug0.xml"));
        // pixels 11..30 (1-based, inclusive) = [10, 30) continuous -> [70, 90) -> pixels 71..90
        assertTrue(xml.contains("<xmin>71</xmin>") && xml.contains("<xmax>90</xmax>"), xml);
        assertTrue(xml.contains("<ymin>6</ymin>") && xml.contains("<ymax>25</ymax>"), xml);
        assertTrue(xml.contains("<name>cat &amp; dog</name>") && xml.contains("<pose>Left</pose>")
                && xml.contains("<difficult>1</difficult>"), xml);
        assertTrue(xml.contains("<filename>a_aug0.png</filename>") && xml.contains("<width>100</width>"), xml);

        // and the output reads back as VOC: flipping it again gives the input box
        Fixtures.Run back = apply("hflip(p=1)", out, dir.resolve("back"), "--labels", "voc");
        assertEquals(0, back.code(), back.toString());
        String again = Files.readString(dir.resolve("back/a_aug0_aug0.xml"));
        assertTrue(again.contains("<xmin>11</xmin>") && again.contains("<xmax>30</xmax>"), again);
    }

    private Path cocoInput(Path in) throws IOException {
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(100, 60));
        Fixtures.png(in.resolve("b.png"), Fixtures.rgb(40, 30));
        return Files.writeString(dir.resolve("instances.json"), """
                {"info": {"description": "test"},
                 "images": [
                   {"id": 7, "file_name": "a.png", "width": 100, "height": 60},
                   {"id": 9, "file_name": "b.png", "width": 40, "height": 30}
                 ],
                 "annotations": [
                   {"id": 3, "image_id": 7, "category_id": 1, "bbox": [10, 5, 20, 20], "iscrowd": 0,
                    "keypoints": [12, 8, 2, 25, 8, 1, 0, 0, 0], "num_keypoints": 2},
                   {"id": 4, "image_id": 7, "category_id": 2, "bbox": [50, 30, 10, 10]}
                 ],
                 "categories": [
                   {"id": 1, "name": "person", "keypoints": ["left_eye", "right_eye", "nose"]},
                   {"id": 2, "name": "ball"}
                 ]}
                """);
    }

    @Test
    void cocoBoxesAndKeypointsFollowAHorizontalFlipAndSwapSides() throws IOException {
        Path in = dir.resolve("in");
        Path annotations = cocoInput(in);
        Path spec = Files.writeString(dir.resolve("flip.yaml"), """
                targets:
                  flip_swap: {left_eye: right_eye}
                transforms:
                  - {transform: hflip, p: 1}
                """);
        Path out = dir.resolve("out");
        Fixtures.Run r = apply(spec.toString(), in, out, "--labels", "coco", "--annotations", annotations.toString());
        assertEquals(0, r.code(), r.toString());
        JsonNode coco = JSON.readTree(out.resolve("annotations.json").toFile());
        assertEquals("test", coco.path("info").path("description").asText());
        assertEquals(2, coco.path("categories").size());
        assertEquals(JSON.readTree("""
                [{"id": 1, "file_name": "a_aug0.png", "width": 100, "height": 60},
                 {"id": 2, "file_name": "b_aug0.png", "width": 40, "height": 30}]"""), coco.get("images"));
        // bbox x -> W - (x + w); keypoint pixel i -> W - 1 - i; left and right eyes trade slots
        assertEquals(JSON.readTree("""
                [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [70.0, 5.0, 20.0, 20.0], "area": 400.0,
                  "iscrowd": 0, "keypoints": [74.0, 8.0, 1, 87.0, 8.0, 2, 0, 0, 0], "num_keypoints": 2},
                 {"id": 2, "image_id": 1, "category_id": 2, "bbox": [40.0, 30.0, 10.0, 10.0], "area": 100.0,
                  "iscrowd": 0}]"""), coco.get("annotations"));
        Manifest.Labels l = Manifest.read(out.resolve("manifest.jsonl")).entries().get("a_aug0.png").labels();
        assertEquals(2, l.boxesKept());
        assertEquals(2, l.keypointsKept());

        Fixtures.Run check = Fixtures.aug("replay", "--manifest", out.resolve("manifest.jsonl").toString(),
                "--entry", "a_aug0.png", "--check");
        assertEquals(0, check.code(), check.toString());
        assertTrue(check.out().contains("identical: the coco annotations recorded for a_aug0.png"), check.out());

        Path sheetFile = dir.resolve("sheet.png");
        Fixtures.Run preview = Fixtures.aug("preview", "--spec", spec.toString(), "--image",
                in.resolve("a.png").toString(), "--labels", "coco", "--annotations", annotations.toString(), "-n", "1",
                "--tile", "100", "--out", sheetFile.toString());
        assertEquals(0, preview.code(), preview.toString());
        BufferedImage sheet = ImageIO.read(sheetFile.toFile());
        PreviewSheet.Layout layout = PreviewSheet.Layout.of(2, 100, 60, 100, 0);
        // the flipped left eye, now labelled right_eye, at pixel 87 + 0.5 of row 8 + 0.5
        int eye = PreviewSheet.colorFor("right_eye").getRGB() & 0xFFFFFF;
        assertEquals(eye, sheet.getRGB(layout.x(1) + 88, layout.y(1) + 9) & 0xFFFFFF, "keypoint dot");
    }

    @Test
    void aCropThatCutsABoxAwayIsCountedInTheManifest() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(100, 60));
        // (40, 20)-(60, 40) in the middle, (2, 2)-(12, 12) in the corner
        Files.writeString(in.resolve("a.txt"), "0 0.5 0.5 0.2 0.333333333\n1 0.07 0.11666666667 0.1 0.16666666667\n");
        Path out = dir.resolve("out");
        Fixtures.Run r = apply("center_crop(width=50, height=30)", in, out, "--labels", "yolo");
        assertEquals(0, r.code(), r.toString());
        // the crop keeps x in [25, 75), y in [15, 45): the middle box becomes (15, 5)-(35, 25) of 50x30
        assertRows(List.<double[]>of(new double[] {0, 0.5, 0.5, 0.4, 2.0 / 3}), yolo(out.resolve("a_aug0.txt")));
        Manifest.Labels l = Manifest.read(out.resolve("manifest.jsonl")).entries().get("a_aug0.png").labels();
        assertEquals(1, l.boxesKept());
        assertEquals(1, l.boxesDropped());
        assertTrue(Files.readString(out.resolve("manifest.jsonl")).contains("\"boxes\":{\"kept\":1,\"dropped\":1}"));
        assertTrue(r.out().contains("1 boxes kept, 1 dropped"), r.out());
    }

    @Test
    void malformedOrMissingLabelFilesSkipTheirInputAndNameFileAndLine() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.png(in.resolve("good.png"), Fixtures.rgb(40, 30));
        Files.writeString(in.resolve("good.txt"), "0 0.5 0.5 0.5 0.5\n");
        Fixtures.png(in.resolve("bad.png"), Fixtures.rgb(40, 30));
        Files.writeString(in.resolve("bad.txt"), "0 0.5 0.5 0.5 0.5\n0 0.5 x 0.5 0.5\n");
        Fixtures.png(in.resolve("outside.png"), Fixtures.rgb(40, 30));
        Files.writeString(in.resolve("outside.txt"), "\n\n3 0.9 0.5 0.5 0.5\n");
        Fixtures.png(in.resolve("nolabel.png"), Fixtures.rgb(40, 30));
        Path out = dir.resolve("out");
        Fixtures.Run r = apply("hflip(p=1)", in, out, "--labels", "yolo");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains(in.resolve("bad.txt") + ":2: 'x' is not a number"), r.err());
        assertTrue(r.err().contains(in.resolve("outside.txt") + ":3: yolo box"), r.err());
        assertTrue(r.err().contains(in.resolve("nolabel.txt") + ": no label file"), r.err());
        assertTrue(r.out().contains("4 input images; 1 outputs written, 0 already done; 3 inputs failed"), r.out());
        assertEquals(List.of("aug-spec.yaml", "good_aug0.png", "good_aug0.txt", "manifest.jsonl"),
                List.copyOf(files(out).keySet()), "nothing of a failed input is written");

        Fixtures.Run allowed = apply("hflip(p=1)", in, out, "--labels", "yolo", "--allow-missing-labels");
        assertEquals(1, allowed.code(), allowed.toString());
        assertEquals("", Files.readString(out.resolve("nolabel_aug0.txt")), "no label file: a background image");
        assertFalse(Files.exists(out.resolve("bad_aug0.png")));
    }

    @Test
    void malformedVocAndCocoFilesNameTheLine() throws IOException {
        Path in = dir.resolve("voc");
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(40, 30));
        Files.writeString(in.resolve("a.xml"), """
                <annotation>
                  <object>
                    <name>cat</name>
                    <bndbox>
                      <xmin>1</xmin><ymin>1</ymin>
                      <xmax>ten</xmax><ymax>10</ymax>
                    </bndbox>
                  </object>
                </annotation>
                """);
        Fixtures.png(in.resolve("b.png"), Fixtures.rgb(40, 30));
        Files.writeString(in.resolve("b.xml"), "<annotation>\n<object><name>x</name>\n</annotation>\n");
        Fixtures.png(in.resolve("c.png"), Fixtures.rgb(40, 30));
        Files.writeString(in.resolve("c.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE annotation [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <annotation><object><name>&xxe;</name>
                <bndbox><xmin>1</xmin><ymin>1</ymin><xmax>5</xmax><ymax>5</ymax></bndbox></object></annotation>
                """);
        Fixtures.Run r = apply("hflip(p=1)", in, dir.resolve("out"), "--labels", "voc");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains(in.resolve("a.xml") + ":6: <xmax> 'ten' is not a number"), r.err());
        assertTrue(r.err().contains(in.resolve("b.xml") + ":3: not well-formed XML"), r.err());
        assertTrue(r.err().contains(in.resolve("c.xml") + ":3:"), r.err());
        assertFalse(r.err().contains("root:"), "no external entity is read: " + r.err());

        Path cin = dir.resolve("cin");
        Fixtures.png(cin.resolve("a.png"), Fixtures.rgb(40, 30));
        Fixtures.png(cin.resolve("b.png"), Fixtures.rgb(40, 30));
        Path ann = Files.writeString(dir.resolve("bad.json"), """
                {"images": [{"id": 1, "file_name": "a.png"}, {"id": 2, "file_name": "b.png"}],
                 "categories": [{"id": 1, "name": "x"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 1, 5, 5]},
                   {"id": 2, "image_id": 2, "category_id": 1, "bbox": [1, 1, 5]}
                 ]}
                """);
        Path cout = dir.resolve("cout");
        Fixtures.Run c = apply("hflip(p=1)", cin, cout, "--labels", "coco", "--annotations", ann.toString());
        assertEquals(1, c.code(), c.toString());
        assertTrue(c.err().contains(ann + ":5: 'bbox' must be [x, y, width, height]"), c.err());
        JsonNode coco = JSON.readTree(cout.resolve("annotations.json").toFile());
        assertEquals(1, coco.get("images").size());
        assertFalse(Files.exists(cout.resolve("b_aug0.png")));

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"images\": [\n{\"id\": 1,,}]}");
        Fixtures.Run b = apply("hflip(p=1)", cin, dir.resolve("bout"), "--labels", "coco", "--annotations",
                broken.toString());
        assertEquals(2, b.code(), b.toString());
        assertTrue(b.err().contains(broken + ":2: not valid JSON"), b.err());
    }

    @Test
    void aReRunRemakesOutputsWhoseLabelsAreMissingAndOnlyThose() throws IOException {
        Path in = dir.resolve("in");
        for (String n : List.of("a", "b", "c")) {
            Fixtures.png(in.resolve(n + ".png"), Fixtures.rgb(50, 40));
            Files.writeString(in.resolve(n + ".txt"), "0 0.5 0.5 0.4 0.4\n");
        }
        Path out = dir.resolve("out");
        String spec = "hflip(p=0.5) | rotate(limit=20)";
        Fixtures.Run plain = apply(spec, in, out);
        assertEquals(0, plain.code(), plain.toString());
        Fixtures.Run labelled = apply(spec, in, out, "--labels", "yolo");
        assertTrue(labelled.out().contains("3 outputs written, 0 already done"), "made without labels: made again");
        Map<String, byte[]> first = files(out);
        Files.delete(out.resolve("b_aug0.txt"));
        // a label file without its image, as a crash between the two writes leaves it
        Files.delete(out.resolve("c_aug0.png"));
        Files.writeString(out.resolve("c_aug0.txt"), "stale\n");
        Fixtures.Run again = apply(spec, in, out, "--labels", "yolo");
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("2 outputs written, 1 already done"), again.out());
        Map<String, byte[]> after = files(out);
        after.remove("manifest.jsonl");
        after.forEach((k, v) -> assertArrayEquals(first.get(k), v, k));
    }

    @Test
    void eightThreadsWriteWhatOneWrites() throws IOException {
        Path in = dir.resolve("in");
        for (int i = 0; i < 6; i++) {
            Fixtures.png(in.resolve("sub" + i % 2 + "/im" + i + ".png"), Fixtures.rgb(60 + 7 * i, 40 + 3 * i));
            Files.writeString(in.resolve("sub" + i % 2 + "/im" + i + ".txt"),
                    "0 0.3 0.3 0.2 0.2\n1 0.8 0.7 0.3 0.5\n2 0.5 0.5 0.9 0.9\n");
        }
        String spec = "hflip(p=0.5) | rotate(limit=30, p=0.8) | random_crop(fraction=0.7, p=0.5)";
        assertEquals(0, apply(spec, in, dir.resolve("one"), "--labels", "yolo", "--copies", "3", "--threads", "1")
                .code());
        assertEquals(0, apply(spec, in, dir.resolve("eight"), "--labels", "yolo", "--copies", "3", "--threads", "8")
                .code());
        Map<String, byte[]> one = files(dir.resolve("one"));
        Map<String, byte[]> eight = files(dir.resolve("eight"));
        one.remove("manifest.jsonl");
        eight.remove("manifest.jsonl");
        assertEquals(one.keySet(), eight.keySet());
        assertEquals(36 + 1, one.size());
        one.forEach((k, v) -> assertArrayEquals(v, eight.get(k), k));
    }

    @Test
    void replayRecreatesTheLabelFile() throws IOException {
        Path in = dir.resolve("in");
        Fixtures.png(in.resolve("a.png"), Fixtures.rgb(80, 50));
        Files.writeString(in.resolve("a.txt"), "0 0.3 0.3 0.2 0.2\n1 0.8 0.7 0.3 0.5\n");
        Path out = dir.resolve("out");
        assertEquals(0, apply("hflip(p=0.5) | rotate(limit=30)", in, out, "--labels", "yolo", "--copies", "2").code());
        byte[] labels = Files.readAllBytes(out.resolve("a_aug1.txt"));
        Fixtures.Run check = Fixtures.aug("replay", "--manifest", out.resolve("manifest.jsonl").toString(),
                "--entry", "a_aug1.png", "--check");
        assertEquals(0, check.code(), check.toString());
        assertTrue(check.out().contains("identical: " + out.resolve("a_aug1.txt")), check.out());
        Files.delete(out.resolve("a_aug1.txt"));
        Fixtures.Run again = Fixtures.aug("replay", "--manifest", out.resolve("manifest.jsonl").toString(),
                "--entry", "a_aug1.png");
        assertEquals(0, again.code(), again.toString());
        assertArrayEquals(labels, Files.readAllBytes(out.resolve("a_aug1.txt")));
    }

    @Test
    void previewDrawsTheBoxesOnEveryTile() throws IOException {
        Path in = dir.resolve("in");
        BufferedImage grey = new BufferedImage(120, 80, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 120; x++) {
                grey.setRGB(x, y, 0x808080);
            }
        }
        Path image = Fixtures.png(in.resolve("a.png"), grey);
        // (30, 20)-(60, 60) and a box cropped away by the crop below: (100, 0)-(120, 10)
        Files.writeString(in.resolve("a.txt"), "0 0.375 0.5 0.25 0.5\n1 0.9166666667 0.0625 0.1666666667 0.125\n");
        Path sheetFile = dir.resolve("sheet.png");
        Fixtures.Run r = Fixtures.aug("preview", "--spec", "center_crop(width=80, height=60)", "--image",
                image.toString(), "--labels", "yolo", "-n", "2", "--tile", "120", "--out", sheetFile.toString());
        assertEquals(0, r.code(), r.toString());
        BufferedImage sheet = ImageIO.read(sheetFile.toFile());
        assertNotNull(sheet);
        PreviewSheet.Layout l = PreviewSheet.Layout.of(3, 120, 80, 120, 0);
        int color = PreviewSheet.colorFor("0").getRGB() & 0xFFFFFF;
        // the original's tile is drawn at scale 1: the box's left edge at x = 30, its middle at y = 40
        assertTrue(hasColorNear(sheet, l.x(0) + 30, l.y(0) + 40, color), "box edge on the original tile");
        // the crop keeps x in [20, 100), y in [10, 70): the box's left edge moves to 10, centred in the tile
        int cropLeft = l.x(1) + (l.boxWidth() - 80) / 2;
        int cropTop = l.y(1) + (l.boxHeight() - 60) / 2;
        assertTrue(hasColorNear(sheet, cropLeft + 10, cropTop + 30, color), "box edge on a variant tile");
        assertTrue(hasColorNear(sheet, cropLeft + 40, cropTop + 30, color), "its right edge at 40");
        assertFalse(hasColorNear(sheet, cropLeft + 25, cropTop + 30, color), "nothing inside the box");
    }

    private static boolean hasColorNear(BufferedImage img, int x, int y, int rgb) {
        for (int dx = -2; dx <= 2; dx++) {
            if ((img.getRGB(x + dx, y) & 0xFFFFFF) == rgb) {
                return true;
            }
        }
        return false;
    }
}
