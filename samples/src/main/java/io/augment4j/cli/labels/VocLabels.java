package io.augment4j.cli.labels;

import io.augment4j.api.BoundingBox;
import io.augment4j.api.Sample;
import io.augment4j.api.targets.BoxFormat;
import io.augment4j.api.targets.TargetFormatException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pascal VOC annotation files: {@code name.xml} beside {@code name.jpg}, one {@code <object>} per box with its
 * {@code <name>} (the label) and {@code <bndbox>} ({@code xmin ymin xmax ymax}); {@code pose}, {@code truncated} and
 * {@code difficult} are carried along and written back.
 *
 * <p><b>Coordinates.</b> VOC's are 1-based pixel indices, both ends included: {@code xmin=1, xmax=W} is the whole
 * width. In continuous coordinates (pixel {@code i} covers {@code [i, i + 1)}) that box is {@code [xmin - 1, xmax]},
 * as Detectron2 reads VOC; Albumentations' {@code pascal_voc} takes the numbers as they are, one pixel further right
 * and down at the top-left edges. An {@code xmin} or {@code ymin} of 0 (written by 0-based tools) is read as the
 * image border. Written back as integers: {@code xmin = round(x_min) + 1}, {@code xmax = round(x_max)}, at least one
 * pixel wide. A {@code <size>} that disagrees with the image is an error.
 *
 * <p>Read with StAX, DTDs and external entities off (no XXE).
 */
public record VocLabels(MissingLabels missing) implements LabelFormat {
    private static final XMLInputFactory IN = inputFactory();
    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();

    @Override
    public String id() {
        return "voc";
    }

    @Override
    public Path sidecar(Path image) {
        return YoloLabels.withExtension(image, "xml");
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    @Override
    public ImageLabels read(Path image, String rel, int width, int height) {
        Path file = sidecar(image);
        try (InputStream in = Files.newInputStream(file)) {
            return new ImageLabels(parse(file, in, width, height), List.of(), file.toString());
        } catch (NoSuchFileException e) {
            if (missing == MissingLabels.EMPTY) {
                return new ImageLabels(List.of(), List.of(), file.toString());
            }
            throw new LabelFileException(file + ": no annotation file for " + image
                    + " (--allow-missing-labels reads a missing file as an image without boxes)");
        } catch (IOException e) {
            throw new LabelFileException(file + ": cannot read: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new LabelFileException(file + ":" + (e.getLocation() != null ? e.getLocation().getLineNumber()
                    + ": " : " ") + "not well-formed XML: " + stripLocation(e.getMessage()), e);
        }
    }

    private static String stripLocation(String m) {
        int i = m == null ? -1 : m.indexOf("Message: ");
        return m == null ? "" : i >= 0 ? m.substring(i + 9) : m;
    }

    /** One {@code <object>} as read, with the line of each value. */
    private static final class ObjectText {
        final int line;
        final Map<String, String> values = new HashMap<>();
        final Map<String, Integer> lines = new HashMap<>();

        ObjectText(int line) {
            this.line = line;
        }
    }

    private static List<BoundingBox> parse(Path file, InputStream in, int width, int height)
            throws XMLStreamException {
        XMLStreamReader r = IN.createXMLStreamReader(in);
        Deque<String> path = new ArrayDeque<>();
        List<ObjectText> objects = new ArrayList<>();
        Map<String, String> size = new HashMap<>();
        Map<String, Integer> sizeLines = new HashMap<>();
        ObjectText current = null;
        StringBuilder text = new StringBuilder();
        int textLine = 0;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (path.isEmpty() && !name.equals("annotation")) {
                        throw new LabelFileException(file + ":" + r.getLocation().getLineNumber()
                                + ": the root element is <" + name + ">, not <annotation>");
                    }
                    path.push(name);
                    if (path.size() == 2 && name.equals("object")) {
                        current = new ObjectText(r.getLocation().getLineNumber());
                        objects.add(current);
                    }
                    text.setLength(0);
                    textLine = r.getLocation().getLineNumber();
                } else if (ev == XMLStreamConstants.CHARACTERS) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String name = path.pop();
                    String parent = path.peek();
                    String value = text.toString().strip();
                    if (current != null && path.size() == 2 && "object".equals(parent)) {
                        current.values.put(name, value);
                        current.lines.put(name, textLine);
                    } else if (current != null && path.size() == 3 && "bndbox".equals(parent)) {
                        current.values.put("bndbox/" + name, value);
                        current.lines.put("bndbox/" + name, textLine);
                    } else if (path.size() == 2 && "size".equals(parent)) {
                        size.put(name, value);
                        sizeLines.put(name, textLine);
                    }
                    if (path.size() == 1 && name.equals("object")) {
                        current = null;
                    }
                    text.setLength(0);
                }
            }
        } finally {
            r.close();
        }
        checkSize(file, size, sizeLines, "width", width);
        checkSize(file, size, sizeLines, "height", height);
        List<BoundingBox> boxes = new ArrayList<>();
        for (ObjectText o : objects) {
            String label = o.values.get("name");
            if (label == null || label.isEmpty()) {
                throw new LabelFileException(file + ":" + o.line + ": <object> without a <name>");
            }
            double[] v = new double[4];
            String[] keys = {"xmin", "ymin", "xmax", "ymax"};
            for (int k = 0; k < 4; k++) {
                String key = "bndbox/" + keys[k];
                String s = o.values.get(key);
                if (s == null) {
                    throw new LabelFileException(file + ":" + o.line + ": <object> '" + label
                            + "' has no <bndbox><" + keys[k] + ">");
                }
                try {
                    v[k] = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new LabelFileException(file + ":" + o.lines.get(key) + ": <" + keys[k] + "> '" + s
                            + "' is not a number");
                }
            }
            // 1-based, both ends included -> continuous [xmin - 1, xmax]; a 0 from 0-based tools is the border
            v[0] = Math.max(0, v[0] - 1);
            v[1] = Math.max(0, v[1] - 1);
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String f : List.of("pose", "truncated", "difficult")) {
                if (o.values.containsKey(f)) {
                    fields.put(f, o.values.get(f));
                }
            }
            try {
                boxes.add(BoxFormat.PASCAL_VOC.toPixels(v, width, height, label, fields,
                        file + ":" + o.lines.get("bndbox/xmin")));
            } catch (TargetFormatException e) {
                throw new LabelFileException(e.getMessage() + " (VOC values are 1-based: this is xmin-1, ymin-1,"
                        + " xmax, ymax)", e);
            }
        }
        return boxes;
    }

    private static void checkSize(Path file, Map<String, String> size, Map<String, Integer> lines, String key,
                                  int actual) {
        String s = size.get(key);
        if (s == null || s.isEmpty()) {
            return;
        }
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new LabelFileException(file + ":" + lines.get(key) + ": <size><" + key + "> '" + s
                    + "' is not a number");
        }
        if (d != 0 && d != actual) { // some tools write 0 when they did not know the size
            throw new LabelFileException(file + ":" + lines.get(key) + ": <size><" + key + "> is " + s
                    + " but the image is " + actual + " pixels " + (key.equals("width") ? "wide" : "high"));
        }
    }

    @Override
    public byte[] render(Path image, Sample result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = OUT.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("annotation");
            element(w, 1, "filename", image.getFileName().toString());
            nl(w, 1);
            w.writeStartElement("size");
            element(w, 2, "width", Integer.toString(result.image().width()));
            element(w, 2, "height", Integer.toString(result.image().height()));
            element(w, 2, "depth", Integer.toString(result.image().channels()));
            nl(w, 1);
            w.writeEndElement();
            for (BoundingBox b : result.boxes()) {
                nl(w, 1);
                w.writeStartElement("object");
                element(w, 2, "name", b.label() == null ? "" : b.label());
                for (String f : List.of("pose", "truncated", "difficult")) {
                    if (b.fields().containsKey(f)) {
                        element(w, 2, f, String.valueOf(b.fields().get(f)));
                    }
                }
                long x0 = Math.round(b.xMin());
                long y0 = Math.round(b.yMin());
                long x1 = Math.max(x0 + 1, Math.round(b.xMax()));
                long y1 = Math.max(y0 + 1, Math.round(b.yMax()));
                nl(w, 2);
                w.writeStartElement("bndbox");
                element(w, 3, "xmin", Long.toString(x0 + 1));
                element(w, 3, "ymin", Long.toString(y0 + 1));
                element(w, 3, "xmax", Long.toString(x1));
                element(w, 3, "ymax", Long.toString(y1));
                nl(w, 2);
                w.writeEndElement();
                nl(w, 1);
                w.writeEndElement();
            }
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write VOC XML to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter w, int depth, String name, String value) throws XMLStreamException {
        nl(w, depth);
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void nl(XMLStreamWriter w, int depth) throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }
}
