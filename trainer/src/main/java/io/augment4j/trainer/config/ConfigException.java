package io.augment4j.trainer.config;

import io.augment4j.api.spec.SpecException;

/**
 * A training config that cannot be read or is invalid. Like every located spec error, the message starts with
 * where: file, line and column when known, and the field path, e.g.
 * {@code train.yaml:12:5 (model.dense[0].dropout): must be in [0, 1), got 1.5}.
 */
public class ConfigException extends SpecException {
    /**
     * @param source file name, or null
     * @param line 1-based line, or -1 when unknown
     * @param column 1-based column, or -1 when unknown
     * @param path field path such as {@code optimizer.learning_rate}, or null
     * @param reason what is wrong, for the person who wrote the file
     * @param cause underlying error, or null
     */
    public ConfigException(String source, int line, int column, String path, String reason, Throwable cause) {
        super(source, line, column, path, reason, cause);
    }
}
