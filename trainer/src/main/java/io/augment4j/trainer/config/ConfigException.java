package io.augment4j.trainer.config;

import io.augment4j.api.AugmentException;

/**
 * A training config that cannot be read or is invalid. The message starts with where: file, line and
 * column when known, and the field path, e.g. {@code train.yaml:12:5 (model.dense[0].dropout): must be in [0, 1), got 1.5}.
 */
public class ConfigException extends AugmentException {
    private final String source;
    private final int line;
    private final String path;
    private final String reason;

    /**
     * @param source file name, or null
     * @param line 1-based line, or -1 when unknown
     * @param column 1-based column, or -1 when unknown
     * @param path field path such as {@code optimizer.learning_rate}, or null
     * @param reason what is wrong, for the person who wrote the file
     * @param cause underlying error, or null
     */
    public ConfigException(String source, int line, int column, String path, String reason, Throwable cause) {
        super(where(source, line, column, path) + reason, cause);
        this.source = source;
        this.line = line;
        this.path = path;
        this.reason = reason;
    }

    private static String where(String source, int line, int column, String path) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
        }
        if (line > 0) {
            sb.append(source != null ? ":" : "line ").append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (path != null && !path.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append('(').append(path).append(')');
        }
        return sb.length() > 0 ? sb + ": " : "";
    }

    /** @return the file name, or null */
    public String source() {
        return source;
    }

    /** @return 1-based line, or -1 */
    public int line() {
        return line;
    }

    /** @return the offending field's path, e.g. {@code model.dense[0].units}, or null */
    public String path() {
        return path;
    }

    /** @return the problem without the location prefix */
    public String reason() {
        return reason;
    }
}
