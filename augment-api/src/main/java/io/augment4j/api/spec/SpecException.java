package io.augment4j.api.spec;

import io.augment4j.api.AugmentException;

/**
 * A pipeline spec that cannot be read or compiled. The message starts with where the problem is: the file, line and
 * column (when known) and the path of the node, e.g. {@code pipeline.yaml:7:12 (transforms[2].limit)}, or, for
 * one-line text without a line number, {@code inline spec, column 9}. An optional excerpt (the offending line with a
 * caret under the column) follows the reason on lines of its own.
 */
public class SpecException extends AugmentException {
    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String reason;
    private final String excerpt;

    /**
     * @param source file name, or {@code null}
     * @param line 1-based line, or -1 when unknown
     * @param column 1-based column, or -1 when unknown
     * @param path the node's path in the spec, e.g. {@code transforms[2].limit}, or {@code null}
     * @param reason what is wrong
     * @param cause the underlying error, or {@code null}
     */
    public SpecException(String source, int line, int column, String path, String reason, Throwable cause) {
        this(source, line, column, path, reason, null, cause);
    }

    /**
     * @param source file name, or {@code null}
     * @param line 1-based line, or -1 when unknown or when the text is one line
     * @param column 1-based column, or -1 when unknown
     * @param path the node's path in the spec, or {@code null}
     * @param reason what is wrong
     * @param excerpt lines that show the place, appended to the message after a line break (e.g. the spec text and a
     *     caret under the column), or {@code null}
     * @param cause the underlying error, or {@code null}
     */
    public SpecException(String source, int line, int column, String path, String reason, String excerpt,
            Throwable cause) {
        super(where(source, line, column, path) + reason + (excerpt == null ? "" : "\n" + excerpt), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path;
        this.reason = reason;
        this.excerpt = excerpt;
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
        } else if (column > 0) {
            sb.append(source != null ? ", column " : "column ").append(column);
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

    /** The problem without the location prefix and the excerpt. */
    public String reason() {
        return reason;
    }

    /** The lines showing the place (text and caret), or {@code null}. */
    public String excerpt() {
        return excerpt;
    }

    /** The same problem located in {@code newSource}. */
    public SpecException inSource(String newSource) {
        return new SpecException(newSource, line, column, path, reason, excerpt, getCause());
    }
}
