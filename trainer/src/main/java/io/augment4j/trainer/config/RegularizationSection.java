package io.augment4j.trainer.config;

import static io.augment4j.trainer.config.InvalidField.check;

import io.augment4j.trainer.model.L2Form;
import io.augment4j.trainer.model.Regularization;

/**
 * The {@code regularization:} section: weight penalties on every weight layer (never biases).
 * Dropout is per layer, in {@code model}; augmentation is its own section.
 *
 * @param l2 L2 strength lambda: {@code lambda/(2m) ||W||^2} is added to the cost; default 0
 * @param l1 L1 strength: {@code l1/m sum|W|}; default 0
 * @param form {@code cost} (the penalty's gradient goes through the optimizer) or
 *     {@code weight_decay} (decoupled, {@code W := (1 - lr lambda/m) W}, as in AdamW); default cost
 */
public record RegularizationSection(Double l2, Double l1, L2Form form) {

    /** Validates and fills defaults. */
    public RegularizationSection {
        l2 = l2 == null ? 0.0 : l2;
        l1 = l1 == null ? 0.0 : l1;
        form = form == null ? L2Form.COST : form;
        check(l2 >= 0, "l2", "must be >= 0, got " + l2);
        check(l1 >= 0, "l1", "must be >= 0, got " + l1);
    }

    /** @return the core penalty */
    public Regularization toRegularization() {
        return new Regularization(l2, l1);
    }
}
