package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigPathsTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) M.readTree(json);
    }

    @Test
    void applySetsValuesAtTheirPathsInACopy() throws Exception {
        ObjectNode base = tree("{\"model\":{\"dense\":[{\"units\":64},{\"units\":32,\"dropout\":0.1}]},"
                + "\"optimizer\":{\"type\":\"adam\"},\"epochs\":5}");
        String before = base.toString();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model.dense[1].dropout", 0.25);
        p.put("model.dense[0].units", 128);
        p.put("optimizer.type", "sgd");
        p.put("schedule.type", "cosine");
        p.put("early_stopping.restore_best_weights", false);
        ObjectNode out = ConfigPaths.apply(base, p);
        assertEquals(before, base.toString(), "the base is not modified");
        assertEquals(tree("{\"model\":{\"dense\":[{\"units\":128},{\"units\":32,\"dropout\":0.25}]},"
                + "\"optimizer\":{\"type\":\"sgd\"},\"epochs\":5,\"schedule\":{\"type\":\"cosine\"},"
                + "\"early_stopping\":{\"restore_best_weights\":false}}"), out);
        assertTrue(out.at("/model/dense/0/units").isInt());
        assertTrue(out.at("/model/dense/1/dropout").isDouble());
    }

    @Test
    void aMissingListItemOrAPathThroughAValueIsAnError() throws Exception {
        ObjectNode base = tree("{\"model\":{\"dense\":[{\"units\":64}]},\"epochs\":5}");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ConfigPaths.apply(base, Map.of("model.dense[1].units", 3))).getMessage()
                .contains("model.dense has 1 item(s)"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ConfigPaths.apply(base, Map.of("model.conv[0].filters", 3))).getMessage()
                .contains("no list model.conv"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ConfigPaths.apply(base, Map.of("epochs.x", 3))).getMessage().contains("epochs is not a map"));
        assertThrows(IllegalArgumentException.class, () -> ConfigPaths.apply(base, Map.of("model..x", 3)));
        assertThrows(IllegalArgumentException.class, () -> ConfigPaths.apply(base, Map.of("model.dense[a]", 3)));
    }

    @Test
    void pathsParseIntoFieldsAndIndexes() {
        assertEquals(List.of("model", "dense", 0, "units"), ConfigPaths.parse("model.dense[0].units"));
        assertEquals(List.of("a", 1, 2), ConfigPaths.parse("a[1][2]"));
    }

    @Test
    void mergeIsDeepForMapsAndReplacesEverythingElse() throws Exception {
        ObjectNode base = tree("{\"optimizer\":{\"type\":\"adam\",\"learning_rate\":0.1},\"model\":{\"dense\":[{\"units\":1},"
                + "{\"units\":2}]},\"epochs\":5}");
        ObjectNode over = tree("{\"optimizer\":{\"learning_rate\":0.2},\"model\":{\"dense\":[{\"units\":9}]},"
                + "\"seed\":3}");
        assertEquals(tree("{\"optimizer\":{\"type\":\"adam\",\"learning_rate\":0.2},\"model\":{\"dense\":[{\"units\":9}]},"
                + "\"epochs\":5,\"seed\":3}"), ConfigPaths.merge(base, over));
    }
}
