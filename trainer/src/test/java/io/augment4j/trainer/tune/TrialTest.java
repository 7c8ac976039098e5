package io.augment4j.trainer.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trial and its outcome travel as plain serialized data (to another process or machine). */
class TrialTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void trialAndOutcomeSerialize() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("optimizer.learning_rate", 0.003);
        params.put("model.dense[0].units", 64);
        params.put("optimizer.type", "adam");
        params.put("model.conv[0].batch_norm", true);
        Trial t = new Trial(4, params, "epochs: 3\n", true, "/studies/s/trials/004");
        Trial back = roundTrip(t);
        assertEquals(t, back);
        assertEquals(List.copyOf(params.keySet()), List.copyOf(back.params().keySet()), "values keep their order");

        TrialOutcome o = new TrialOutcome(4, TrialState.PRUNED, List.of(0.9, 0.7), 0.7, 1, 12.5, "ASHA rung 0", 0.2,
                0.3);
        assertEquals(o, roundTrip(o));
    }
}
