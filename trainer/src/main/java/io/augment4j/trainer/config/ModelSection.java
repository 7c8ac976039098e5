package io.augment4j.trainer.config;

import static io.augment4j.trainer.config.InvalidField.check;

import io.augment4j.trainer.model.ActivationType;
import io.augment4j.trainer.model.CnnConfig;
import io.augment4j.trainer.model.ConvLayer;
import io.augment4j.trainer.model.DenseLayer;
import io.augment4j.trainer.model.Init;
import io.augment4j.trainer.model.MlpConfig;
import io.augment4j.trainer.model.ModelConfig;
import io.augment4j.trainer.model.Regularization;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code model:} section. Convolution blocks (if any), then dense hidden layers, then a
 * linear output layer with one unit per class (softmax cross-entropy). No conv and no dense
 * layers is multinomial logistic regression.
 *
 * @param conv convolution blocks, input to output; default none
 * @param dense dense hidden layers after the conv blocks; default none
 * @param activation {@code relu}, {@code tanh} or {@code sigmoid}; default relu
 * @param init {@code auto} (He for relu, Xavier otherwise), {@code he} or {@code xavier}; default auto
 */
public record ModelSection(List<ConvSection> conv, List<DenseSection> dense, ActivationType activation, Init init) {

    /** Fills defaults. */
    public ModelSection {
        conv = conv == null ? List.of() : List.copyOf(conv);
        dense = dense == null ? List.of() : List.copyOf(dense);
        activation = activation == null ? ActivationType.RELU : activation;
        init = init == null ? Init.AUTO : init;
    }

    /**
     * One {@code model.conv[]} block: 'same' convolution, optional batch norm, activation,
     * optional 2x2 max pool, optional dropout.
     *
     * @param filters output channels; required
     * @param kernel square kernel size (odd); default 3
     * @param batchNorm batch normalization after the convolution; default false
     * @param maxPool halve height and width with a 2x2 max pool; default true
     * @param dropout drop probability in [0, 1); default 0
     */
    public record ConvSection(Integer filters, Integer kernel, Boolean batchNorm, Boolean maxPool, Double dropout) {
        /** Validates and fills defaults. */
        public ConvSection {
            check(filters != null, "filters", "is required");
            check(filters > 0, "filters", "must be positive, got " + filters);
            kernel = kernel == null ? 3 : kernel;
            check(kernel > 0 && kernel % 2 == 1, "kernel", "must be a positive odd number, got " + kernel);
            batchNorm = batchNorm != null && batchNorm;
            maxPool = maxPool == null || maxPool;
            dropout = dropout == null ? 0.0 : dropout;
            check(dropout >= 0 && dropout < 1, "dropout", "must be in [0, 1), got " + dropout);
        }
    }

    /**
     * One {@code model.dense[]} layer: linear, activation, (inverted) dropout.
     *
     * @param units output units; required
     * @param dropout drop probability in [0, 1); default 0
     */
    public record DenseSection(Integer units, Double dropout) {
        /** Validates and fills defaults. */
        public DenseSection {
            check(units != null, "units", "is required");
            check(units > 0, "units", "must be positive, got " + units);
            dropout = dropout == null ? 0.0 : dropout;
            check(dropout >= 0 && dropout < 1, "dropout", "must be in [0, 1), got " + dropout);
        }
    }

    /**
     * @param reg the penalty for every weight layer (conv kernels, dense and output weights)
     * @return the core architecture
     */
    public ModelConfig toModelConfig(Regularization reg) {
        List<DenseLayer> d = new ArrayList<>();
        for (DenseSection s : dense) {
            d.add(new DenseLayer(s.units(), s.dropout(), reg));
        }
        if (conv.isEmpty()) {
            return new MlpConfig(d, activation, init, reg);
        }
        List<ConvLayer> c = new ArrayList<>();
        for (ConvSection s : conv) {
            c.add(new ConvLayer(s.filters(), s.kernel(), s.batchNorm(), s.maxPool(), s.dropout(), reg));
        }
        return new CnnConfig(c, d, activation, init, reg);
    }

    /** @return a one-line description, e.g. {@code conv 32-64, dense 128, relu} */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (!conv.isEmpty()) {
            sb.append("conv ");
            for (int i = 0; i < conv.size(); i++) {
                ConvSection c = conv.get(i);
                sb.append(i > 0 ? "-" : "").append(c.filters()).append(c.batchNorm() ? "bn" : "")
                        .append(c.maxPool() ? "p" : "");
            }
            sb.append(", ");
        }
        if (!dense.isEmpty()) {
            sb.append("dense ");
            for (int i = 0; i < dense.size(); i++) {
                sb.append(i > 0 ? "-" : "").append(dense.get(i).units());
            }
            sb.append(", ");
        }
        if (conv.isEmpty() && dense.isEmpty()) {
            sb.append("logistic regression (no hidden layer), ");
        }
        return sb.append(activation.name().toLowerCase(java.util.Locale.ROOT)).toString();
    }
}
