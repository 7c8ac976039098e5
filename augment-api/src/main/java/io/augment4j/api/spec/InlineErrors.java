package io.augment4j.api.spec;

/**
 * Makes the {@link SpecException}s of one inline text: located at a character offset, with the line of text and a
 * caret under the column. One-line text (the usual case) is located by column alone.
 */
final class InlineErrors {
    private final String source;
    private final String text;

    InlineErrors(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** A problem at character {@code offset} of the text ({@code text.length()}: just after its end). */
    SpecException at(int offset, String reason) {
        return at(offset, reason, null);
    }

    SpecException at(int offset, String reason, Throwable cause) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = text.indexOf('\n', offset);
        String lineText = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd).stripTrailing();
        int column = offset - lineStart + 1;
        boolean oneLine = text.strip().indexOf('\n') < 0;
        int line = oneLine ? -1 : (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        // Keep tabs in the caret line so the caret stays under the column however tabs are shown.
        String pad = text.substring(lineStart, Math.min(offset, lineStart + lineText.length())).replaceAll("[^\t]", " ");
        pad += " ".repeat(Math.max(0, column - 1 - pad.length()));
        return new SpecException(source, line, column, null, reason, "  " + lineText + "\n  " + pad + "^", cause);
    }
}
