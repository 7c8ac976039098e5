package io.augment4j.trainer.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A classifier architecture as plain data (YAML/JSON: {@code type: mlp} or {@code type: cnn}).
 * {@link ModelFactory} turns it into a DJL block.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MlpConfig.class, name = "mlp"),
    @JsonSubTypes.Type(value = CnnConfig.class, name = "cnn")
})
public sealed interface ModelConfig permits MlpConfig, CnnConfig {

    /** @return hidden-layer activation */
    ActivationType activation();

    /** @return weight initialization (AUTO: from the activation) */
    Init init();

    /** @return penalty on the output layer's weights */
    Regularization outputRegularization();
}
