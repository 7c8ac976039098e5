package com.example.consumer;

import ai.djl.training.TrainingResult;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Run by verify.groovy on this project's runtime classpath: checks what the libraries brought along, then trains.
 * Exits non-zero on any failure.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        // No SLF4J binding: the libraries leave logging to the application (this one chose none).
        List<String> bindings = ServiceLoader.load(SLF4JServiceProvider.class).stream()
                .map(p -> p.type().getName()).toList();
        check(bindings.isEmpty(), "SLF4J bindings came with the libraries: " + bindings);
        for (String testClass : List.of("org.junit.jupiter.api.Test", "org.junit.Test",
                "org.opentest4j.AssertionFailedError")) {
            check(!present(testClass), testClass + " is on the runtime classpath");
        }

        TrainingResult result = AugmentedTraining.trainOneEpoch(320, 7);
        float loss = result.getTrainLoss();
        float accuracy = result.getTrainEvaluation("Accuracy");
        System.out.println("epochs " + result.getEpoch() + ", train loss " + loss + ", train accuracy " + accuracy);
        check(result.getEpoch() == 1, "expected one epoch, got " + result.getEpoch());
        check(Float.isFinite(loss), "loss " + loss);
        // Dark against bright, unchanged by flips: one epoch learns it.
        check(accuracy > 0.8f, "accuracy " + accuracy + " after one epoch");
        System.out.println("library consumer: OK");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            System.err.println("library consumer: FAILED: " + message);
            System.exit(1);
        }
    }
}
