package io.augment4j.trainer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.augment4j.trainer.model.ActivationType;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CONFIG.md cannot drift from the records: every field of every section is documented in its
 * section's table (and nothing else is), and every default written there is the default the
 * record's constructor fills in.
 */
class ConfigDocTest {

    private static final DataConfig DATA = new DataConfig(DataConfig.Type.IDX, "a", "b", null, null, null, null,
            null, null, null, null, null, null);
    private static final ModelSection MODEL = new ModelSection(null, null, null, null);

    /** Each record, the heading of its section, and an instance with only the required fields set. */
    private static final Map<Class<? extends Record>, Object[]> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put(TrainConfig.class, new Object[] {"## Top level", new TrainConfig(null, DATA, null, null, MODEL,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null)});
        SECTIONS.put(DataConfig.class, new Object[] {"## `data`", DATA});
        SECTIONS.put(SplitConfig.class, new Object[] {"## `split`", new SplitConfig(null, null, null, null, null,
                null, null)});
        SECTIONS.put(ModelSection.class, new Object[] {"## `model`", MODEL});
        SECTIONS.put(ModelSection.ConvSection.class, new Object[] {"### `model.conv[]`",
                new ModelSection.ConvSection(8, null, null, null, null)});
        SECTIONS.put(ModelSection.DenseSection.class, new Object[] {"### `model.dense[]`",
                new ModelSection.DenseSection(8, null)});
        SECTIONS.put(RegularizationSection.class, new Object[] {"## `regularization`",
                new RegularizationSection(null, null, null)});
        SECTIONS.put(OptimizerSection.class, new Object[] {"## `optimizer`",
                new OptimizerSection(null, null, null, null, null)});
        SECTIONS.put(ScheduleSection.class, new Object[] {"## `schedule`",
                new ScheduleSection(null, null, null, null, null, null)});
        SECTIONS.put(EarlyStoppingSection.class, new Object[] {"## `early_stopping`",
                new EarlyStoppingSection(null, null, null, null, null, null, null)});
        SECTIONS.put(DiagnosisSection.class, new Object[] {"## `diagnosis`", new DiagnosisSection(null, null, null)});
    }

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\|(.*)$");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE]-?\\d+)?");

    private static String doc() throws IOException {
        Path p = Path.of("CONFIG.md");
        if (!Files.exists(p)) {
            p = Path.of("trainer", "CONFIG.md");
        }
        return Files.readString(p);
    }

    /** @return field -> cells after the name, for the table under {@code heading} */
    private static Map<String, String[]> table(String doc, String heading) {
        int at = doc.indexOf("\n" + heading + "\n");
        assertTrue(at >= 0, "CONFIG.md has no section '" + heading + "'");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : doc.substring(at + heading.length() + 2).split("\n")) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String[] cells = Arrays.stream(m.group(2).split("\\|")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toArray(String[]::new);
                rows.put(m.group(1), cells);
            }
        }
        return rows;
    }

    @Test
    void everyFieldIsDocumentedInItsSectionAndNothingElse() throws IOException {
        String doc = doc();
        for (var e : SECTIONS.entrySet()) {
            TreeSet<String> fields = new TreeSet<>();
            for (RecordComponent c : e.getKey().getRecordComponents()) {
                fields.add(ConfigLoader.snake(c.getName()));
            }
            TreeSet<String> documented = new TreeSet<>(table(doc, (String) e.getValue()[0]).keySet());
            assertEquals(fields, documented, "fields of " + e.getKey().getSimpleName() + " vs CONFIG.md section "
                    + e.getValue()[0]);
        }
    }

    @Test
    void documentedDefaultsAreTheDefaultsTheCodeApplies() throws Exception {
        String doc = doc();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var e : SECTIONS.entrySet()) {
            Map<String, String[]> rows = table(doc, (String) e.getValue()[0]);
            Object instance = e.getValue()[1];
            for (RecordComponent c : e.getKey().getRecordComponents()) {
                String name = ConfigLoader.snake(c.getName());
                String[] cells = rows.get(name);
                assertNotNull(cells, name);
                String def = cells[1];
                if (def.startsWith("required")) {
                    continue;
                }
                Object v = c.getAccessor().invoke(instance);
                boolean ok;
                if (v == null) {
                    ok = def.startsWith("none");
                } else if (v instanceof Number n) {
                    ok = false;
                    Matcher m = NUMBER.matcher(def);
                    while (m.find()) {
                        ok |= Math.abs(Double.parseDouble(m.group()) - n.doubleValue()) < 1e-15;
                    }
                } else if (v instanceof Boolean b) {
                    ok = def.startsWith(b.toString());
                } else if (v instanceof Enum<?> en) {
                    ok = def.startsWith(en.name().toLowerCase(Locale.ROOT));
                } else if (v instanceof List<?> l && l.isEmpty()) {
                    ok = def.startsWith("none");
                } else if (v instanceof Record) {
                    ok = true; // a nested section: its own table documents its defaults
                } else {
                    ok = def.contains(String.valueOf(v));
                }
                checked++;
                if (!ok) {
                    wrong.add(e.getValue()[0] + " " + name + ": documented '" + def + "', code gives " + v);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(checked > 40, "checked " + checked);
        assertEquals(ActivationType.RELU, new ModelSection(null, null, null, null).activation());
    }
}
