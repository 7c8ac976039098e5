package io.augment4j.cli.labels;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augment4j.api.BoundingBox;
import io.augment4j.api.Keypoint;
import io.augment4j.api.Sample;
import io.augment4j.api.targets.BoxFormat;
import io.augment4j.api.targets.TargetFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A COCO annotation file ({@code --annotations FILE}) for a whole input folder: {@code images} ({@code id},
 * {@code file_name} relative to the input folder, {@code width}, {@code height}), {@code annotations}
 * ({@code image_id}, {@code category_id}, {@code bbox} {@code [x, y, w, h]} in pixels, optional {@code keypoints}
 * {@code [x, y, v, ...]}) and {@code categories} ({@code id}, {@code name}, optional {@code keypoints} names).
 *
 * <p><b>Coordinates.</b> {@code bbox} is continuous ({@link BoxFormat#COCO}). Keypoint coordinates are pixel
 * indices, as Detectron2 reads them: {@code (x, y)} is the centre of that pixel, {@code (x + 0.5, y + 0.5)} inside
 * and written back as such. A keypoint with {@code v = 0} (not labelled) is not moved; {@code v} 1 or 2 is kept.
 * Keypoints take their category's keypoint names as labels, so a spec's {@code flip_swap} ({@code left_eye:
 * right_eye}) moves a point to its partner's slot; boxes take the category name.
 *
 * <p>An output's part ({@link #record}) lists its annotations with {@code category_id}, {@code bbox},
 * {@code area} (of the box), {@code iscrowd} and, when the input had keypoints, {@code keypoints} (dropped points
 * written {@code 0, 0, 0}) and {@code num_keypoints}. Segmentations are not carried. A box that is dropped takes its
 * keypoints with it. {@link #write} gathers the parts into one file with fresh, sequential ids.
 *
 * <p>Errors that concern the whole file (not JSON, no {@code images} array, an annotation of an unknown image) are
 * refused before any work; those of one annotation (a bad {@code bbox}, an unknown category) skip that image. Both
 * name the file and line.
 */
public final class CocoLabels implements LabelFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final MissingLabels missing;
    private final Map<String, ImageEntry> images;
    private final Map<Long, Category> categories;
    private final Map<String, Long> categoryIds;
    private final JsonNode categoriesJson;
    private final JsonNode info;
    private final boolean hasKeypoints;

    private record Category(long id, String name, List<String> keypoints) {
    }

    private record Located(JsonNode node, int line) {
    }

    private static final class ImageEntry {
        final long id;
        final String fileName;
        final int line;
        final int width;
        final int height;
        final List<Located> annotations = new ArrayList<>();

        ImageEntry(long id, String fileName, int line, int width, int height) {
            this.id = id;
            this.fileName = fileName;
            this.line = line;
            this.width = width;
            this.height = height;
        }
    }

    private CocoLabels(Path file, MissingLabels missing, Map<String, ImageEntry> images, Map<Long, Category> categories,
                       JsonNode categoriesJson, JsonNode info, boolean hasKeypoints) {
        this.file = file;
        this.missing = missing;
        this.images = images;
        this.categories = categories;
        this.categoryIds = new HashMap<>();
        categories.values().forEach(c -> categoryIds.putIfAbsent(c.name(), c.id()));
        this.categoriesJson = categoriesJson;
        this.info = info;
        this.hasKeypoints = hasKeypoints;
    }

    /**
     * Reads {@code file}.
     *
     * @throws LabelFileException naming the file and line when it is not a COCO annotation file
     */
    public static CocoLabels load(Path file, MissingLabels missing) {
        Map<String, List<Located>> arrays = new HashMap<>();
        JsonNode info = null;
        try (InputStream in = Files.newInputStream(file); JsonParser p = new JsonFactory(JSON).createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new LabelFileException(file + ":" + p.currentLocation().getLineNr()
                        + ": a COCO file is a JSON object with images, annotations and categories");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (List.of("images", "annotations", "categories").contains(name)) {
                    if (t != JsonToken.START_ARRAY) {
                        throw new LabelFileException(file + ":" + p.currentLocation().getLineNr() + ": '" + name
                                + "' must be an array");
                    }
                    List<Located> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int line = p.currentLocation().getLineNr();
                        JsonNode n = p.readValueAsTree();
                        if (!n.isObject()) {
                            throw new LabelFileException(file + ":" + line + ": each of '" + name
                                    + "' must be an object");
                        }
                        items.add(new Located(n, line));
                    }
                    arrays.put(name, items);
                } else if (name.equals("info")) {
                    info = p.readValueAsTree();
                } else {
                    p.skipChildren();
                }
            }
        } catch (NoSuchFileException e) {
            throw new LabelFileException("--annotations " + file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new LabelFileException(file + ":" + (e.getLocation() != null ? e.getLocation().getLineNr() : 0)
                    + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new LabelFileException(file + ": cannot read: " + e.getMessage(), e);
        }
        for (String a : List.of("images", "annotations", "categories")) {
            if (!arrays.containsKey(a)) {
                throw new LabelFileException(file + ": no '" + a + "' array; a COCO file has images, annotations"
                        + " and categories");
            }
        }
        Map<Long, Category> categories = new LinkedHashMap<>();
        ArrayNode categoriesJson = JSON.createArrayNode();
        for (Located c : arrays.get("categories")) {
            long id = number(file, c, "id");
            String name = c.node().path("name").asText(Long.toString(id));
            List<String> kps = new ArrayList<>();
            c.node().path("keypoints").forEach(k -> kps.add(k.asText()));
            if (categories.put(id, new Category(id, name, List.copyOf(kps))) != null) {
                throw new LabelFileException(file + ":" + c.line() + ": category id " + id + " appears twice");
            }
            categoriesJson.add(c.node());
        }
        Map<String, ImageEntry> images = new LinkedHashMap<>();
        Map<Long, ImageEntry> byId = new HashMap<>();
        for (Located im : arrays.get("images")) {
            long id = number(file, im, "id");
            String name = im.node().path("file_name").asText("");
            if (name.isEmpty()) {
                throw new LabelFileException(file + ":" + im.line() + ": image " + id + " has no file_name");
            }
            ImageEntry e = new ImageEntry(id, name.replace('\\', '/'), im.line(),
                    (int) optionalNumber(file, im, "width"), (int) optionalNumber(file, im, "height"));
            if (byId.put(id, e) != null) {
                throw new LabelFileException(file + ":" + im.line() + ": image id " + id + " appears twice");
            }
            if (images.put(e.fileName, e) != null) {
                throw new LabelFileException(file + ":" + im.line() + ": file_name '" + name + "' appears twice");
            }
        }
        boolean hasKeypoints = false;
        for (Located a : arrays.get("annotations")) {
            long imageId = number(file, a, "image_id");
            ImageEntry e = byId.get(imageId);
            if (e == null) {
                throw new LabelFileException(file + ":" + a.line() + ": annotation of image_id " + imageId
                        + ", which is not in 'images'");
            }
            e.annotations.add(a);
            hasKeypoints |= a.node().path("keypoints").isArray() && !a.node().path("keypoints").isEmpty();
        }
        return new CocoLabels(file, missing, images, categories, categoriesJson, info, hasKeypoints);
    }

    private static long number(Path file, Located n, String field) {
        JsonNode v = n.node().get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new LabelFileException(file + ":" + n.line() + ": '" + field + "' must be an integer"
                    + (v == null ? ", and is missing" : ", got " + v));
        }
        return v.asLong();
    }

    private static long optionalNumber(Path file, Located n, String field) {
        return n.node().has(field) ? number(file, n, field) : 0;
    }

    @Override
    public String id() {
        return "coco";
    }

    /** The annotation file read. */
    public Path file() {
        return file;
    }

    /** Whether any annotation has keypoints. */
    public boolean hasKeypoints() {
        return hasKeypoints;
    }

    @Override
    public Path sidecar(Path image) {
        return null;
    }

    @Override
    public byte[] render(Path image, Sample result) {
        throw new UnsupportedOperationException("COCO labels live in one file, not beside each image");
    }

    /**
     * The entry of {@code rel}: its {@code file_name} exactly, else the one entry whose {@code file_name} is its
     * file name or ends with {@code /} and its file name (how {@code aug preview} finds an image given alone).
     */
    private ImageEntry find(String rel) {
        ImageEntry e = images.get(rel);
        if (e != null) {
            return e;
        }
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        ImageEntry found = null;
        for (ImageEntry x : images.values()) {
            if (x.fileName.equals(name) || x.fileName.endsWith("/" + name)) {
                if (found != null) {
                    return null;
                }
                found = x;
            }
        }
        return found;
    }

    @Override
    public ImageLabels read(Path image, String rel, int width, int height) {
        ImageEntry e = find(rel);
        if (e == null) {
            if (missing == MissingLabels.EMPTY) {
                return new ImageLabels(List.of(), List.of(), file.toString());
            }
            throw new LabelFileException(file + ": no image with file_name '" + rel + "' (for " + image
                    + "; --allow-missing-labels reads it as an image without boxes)");
        }
        if ((e.width != 0 && e.width != width) || (e.height != 0 && e.height != height)) {
            throw new LabelFileException(file + ":" + e.line + ": image '" + e.fileName + "' is " + e.width + "x"
                    + e.height + " here but " + width + "x" + height + " (width x height) on disk");
        }
        List<BoundingBox> boxes = new ArrayList<>();
        List<Keypoint> keypoints = new ArrayList<>();
        for (int i = 0; i < e.annotations.size(); i++) {
            Located a = e.annotations.get(i);
            String where = file + ":" + a.line();
            long catId = number(file, a, "category_id");
            Category cat = categories.get(catId);
            if (cat == null) {
                throw new LabelFileException(where + ": category_id " + catId + " is not in 'categories'");
            }
            JsonNode bbox = a.node().get("bbox");
            if (bbox == null || !bbox.isArray() || bbox.size() != 4) {
                throw new LabelFileException(where + ": 'bbox' must be [x, y, width, height], got " + bbox);
            }
            double[] v = new double[4];
            for (int k = 0; k < 4; k++) {
                if (!bbox.get(k).isNumber()) {
                    throw new LabelFileException(where + ": 'bbox' must hold 4 numbers, got " + bbox);
                }
                v[k] = bbox.get(k).asDouble();
            }
            JsonNode kp = a.node().get("keypoints");
            Map<String, Object> fields = new HashMap<>(Map.of("category_id", catId,
                    "iscrowd", a.node().path("iscrowd").asInt(0), "annotation", i));
            if (kp != null && kp.isArray() && kp.size() > 0) {
                fields.put("keypoint_slots", kp.size() / 3); // the output keeps every slot, dropped ones as 0, 0, 0
            }
            try {
                boxes.add(BoxFormat.COCO.toPixels(v, width, height, cat.name(), fields, where));
            } catch (TargetFormatException ex) {
                throw new LabelFileException(ex.getMessage(), ex);
            }
            if (kp == null || kp.isNull()) {
                continue;
            }
            if (!kp.isArray() || kp.size() % 3 != 0) {
                throw new LabelFileException(where + ": 'keypoints' must be [x, y, v, ...] (a multiple of 3 numbers),"
                        + " got " + kp.size() + " values");
            }
            for (int j = 0; j < kp.size() / 3; j++) {
                double x = kp.get(3 * j).asDouble(Double.NaN);
                double y = kp.get(3 * j + 1).asDouble(Double.NaN);
                int vis = kp.get(3 * j + 2).asInt(-1);
                if (!Double.isFinite(x) || !Double.isFinite(y) || vis < 0 || vis > 2) {
                    throw new LabelFileException(where + ": keypoint " + (j + 1) + " must be x, y and v in 0..2, got "
                            + kp.get(3 * j) + ", " + kp.get(3 * j + 1) + ", " + kp.get(3 * j + 2));
                }
                if (vis == 0) {
                    continue; // not labelled: nothing to move
                }
                String name = j < cat.keypoints().size() ? cat.keypoints().get(j) : "keypoint_" + (j + 1);
                keypoints.add(Keypoint.atPixel(x, y, name).withFields(Map.of("annotation", i, "slot", j,
                        "v", vis)));
            }
        }
        return new ImageLabels(boxes, keypoints, file.toString());
    }

    @Override
    public String record(Sample result) {
        Map<Integer, List<Keypoint>> byAnnotation = new TreeMap<>();
        for (Keypoint k : result.keypoints()) {
            byAnnotation.computeIfAbsent((Integer) k.fields().get("annotation"), x -> new ArrayList<>()).add(k);
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("width", result.image().width());
        out.put("height", result.image().height());
        ArrayNode anns = out.putArray("annotations");
        for (BoundingBox b : result.boxes()) {
            ObjectNode a = anns.addObject();
            long given = ((Number) b.fields().get("category_id")).longValue();
            Category was = categories.get(given);
            // a flip_swap may have renamed the box to its partner category
            Long renamed = was != null && !was.name().equals(b.label()) ? categoryIds.get(b.label()) : null;
            a.put("category_id", renamed != null ? renamed : given);
            ArrayNode bbox = a.putArray("bbox");
            for (double d : BoxFormat.COCO.fromPixels(b, result.image().width(), result.image().height())) {
                bbox.add(round(d));
            }
            a.put("area", round(b.area()));
            a.put("iscrowd", ((Number) b.fields().get("iscrowd")).intValue());
            int index = (Integer) b.fields().get("annotation");
            List<Keypoint> kps = byAnnotation.get(index);
            int slots = slotsOf(b);
            if (slots > 0) {
                Category c = categories.get(a.get("category_id").asLong());
                double[] flat = new double[3 * slots];
                int n = 0;
                for (Keypoint k : kps == null ? List.<Keypoint>of() : kps) {
                    int slot = c != null ? c.keypoints().indexOf(k.label()) : -1;
                    if (slot < 0) {
                        slot = (Integer) k.fields().get("slot");
                    }
                    if (slot < slots && flat[3 * slot + 2] == 0) {
                        flat[3 * slot] = k.pixelX();
                        flat[3 * slot + 1] = k.pixelY();
                        flat[3 * slot + 2] = ((Number) k.fields().get("v")).intValue();
                        n++;
                    }
                }
                ArrayNode kp = a.putArray("keypoints");
                for (int j = 0; j < slots; j++) {
                    if (flat[3 * j + 2] == 0) {
                        kp.add(0).add(0).add(0); // not labelled, or dropped by the targets policy
                    } else {
                        kp.add(round(flat[3 * j])).add(round(flat[3 * j + 1])).add((int) flat[3 * j + 2]);
                    }
                }
                a.put("num_keypoints", n);
            }
        }
        return out.toString();
    }

    private static int slotsOf(BoundingBox b) {
        Object s = b.fields().get("keypoint_slots");
        return s == null ? 0 : ((Number) s).intValue();
    }

    private static double round(double d) {
        return Math.round(d * 1e4) / 1e4;
    }

    /**
     * One output of a run and its part, as {@link #record} made it.
     *
     * @param output the output path relative to the output folder
     * @param record the JSON text of {@link #record}
     */
    public record Part(String output, String record) {
    }

    /**
     * The COCO file of a run's outputs: {@code info} and {@code categories} of the input file, one image per part
     * ({@code file_name} its output path), ids from 1 in the order of {@code parts}.
     */
    public byte[] write(List<Part> parts) {
        ObjectNode root = JSON.createObjectNode();
        if (info != null) {
            root.set("info", info);
        }
        ArrayNode imgs = root.putArray("images");
        ArrayNode anns = root.putArray("annotations");
        root.set("categories", categoriesJson);
        long annId = 1;
        long imageId = 1;
        for (Part p : parts) {
            JsonNode r;
            try {
                r = JSON.readTree(p.record());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("manifest record of " + p.output() + " is not JSON", e);
            }
            ObjectNode im = imgs.addObject();
            im.put("id", imageId);
            im.put("file_name", p.output());
            im.put("width", r.path("width").asInt());
            im.put("height", r.path("height").asInt());
            for (JsonNode a : r.path("annotations")) {
                ObjectNode o = anns.addObject();
                o.put("id", annId++);
                o.put("image_id", imageId);
                o.setAll((ObjectNode) a);
            }
            imageId++;
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
