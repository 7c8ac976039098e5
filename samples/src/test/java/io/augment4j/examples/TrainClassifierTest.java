package io.augment4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrainClassifierTest {

    @Test
    void twoAugmentedEpochsLearnTheShapesFarAboveChance() {
        TrainClassifier.Accuracies a = TrainClassifier.run(150, 2, 7);
        // Chance is 1/3; the shapes are easy for a CNN (at 16 seeds, every split scored at least 0.96).
        assertTrue(a.train() > 0.9, "train " + a);
        assertTrue(a.val() > 0.9, "val " + a);
        assertTrue(a.test() > 0.9, "test " + a);
    }
}
