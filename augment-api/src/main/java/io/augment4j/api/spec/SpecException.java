package io.augment4j.api.spec;

import io.augment4j.api.AugmentException;

/**
 * A pipeline spec that cannot be read or compiled. The message starts with where the problem is: the file, line and
 * column (when known) and the path of the node, e.g. {@code pipeline.yaml:7:12 (transforms[2].limit)}.
 */
public class SpecException extends AugmentException {
    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String reason;

    /**
     * @param source file name, or {@code null}
     * @param line 1-based line, or -1 when unknown
     * @param column 1-based column, or -1 when unknown
     * @param path the node's path in the spec, e.g. {@code transforms[2].limit}, or {@code null}
     * @param reason what is wrong
     * @param cause the underlying error, or {@code null}
     */
    public SpecException(String source, int line, int column, String path, String reason, Throwable cause) {
        super(where(source, line, column, path) + reason, cause);
        this.source = source;
        this.line = line;
        this.column = column;
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

    /** The file name, or {@code null}. */
    public String source() {
        return source;
    }

    /** 1-based line, or -1. */
    public int line() {
        return line;
    }

    /** 1-based column, or -1. */
    public int column() {
        return column;
    }

    /** Path of the offending node, or {@code null}. */
    public String path() {
        return path;
    }

    /** The problem without the location prefix. */
    public String reason() {
        return reason;
    }

    /** The same problem located in {@code newSource}. */
    public SpecException inSource(String newSource) {
        return new SpecException(newSource, line, column, path, reason, getCause());
    }
}
