package io.augment4j.api.spec;

import java.util.ArrayList;
import java.util.List;

/** Splits inline spec text into tokens that remember where they start, for {@link InlineParser}. */
final class InlineLexer {
    /** The characters that end a word and stand for themselves. */
    static final String PUNCTUATION = "()[],|=";

    /** The first seven kinds are the {@link #PUNCTUATION} characters, in that order. */
    enum Kind {
        OPEN("'('"), CLOSE("')'"), OPEN_LIST("'['"), CLOSE_LIST("']'"), COMMA("','"), PIPE("'|'"), EQUALS("'='"),
        /** Text in single or double quotes; {@link Token#text} is the text between them. */
        QUOTED("quoted text"),
        /** A run of other characters: a name, a number, a word. */
        WORD("a word"),
        END("the end of the spec");

        final String shown;

        Kind(String shown) {
            this.shown = shown;
        }
    }

    /**
     * @param start offset of the token's first character in the text (of the opening quote for quoted text)
     */
    record Token(Kind kind, String text, int start) {
        boolean is(Kind k) {
            return kind == k;
        }

        /** How an error names what it found: {@code 'rotate'}, {@code ')'}, {@code the end of the spec}. */
        String shown() {
            return switch (kind) {
                case WORD -> "'" + text + "'";
                case QUOTED -> "quoted text '" + text + "'";
                default -> kind.shown;
            };
        }
    }

    private InlineLexer() {
    }

    /** The tokens of {@code text}, ending with one {@link Kind#END} token placed at the end of the text. */
    static List<Token> tokens(String text, InlineErrors errors) {
        List<Token> out = new ArrayList<>();
        int pos = 0;
        int n = text.length();
        while (true) {
            while (pos < n && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= n) {
                out.add(new Token(Kind.END, "", n));
                return out;
            }
            char c = text.charAt(pos);
            int p = PUNCTUATION.indexOf(c);
            if (p >= 0) {
                out.add(new Token(Kind.values()[p], String.valueOf(c), pos));
                pos++;
            } else if (c == '\'' || c == '"') {
                int end = text.indexOf(c, pos + 1);
                if (end < 0) {
                    throw errors.at(pos, "quoted text is never closed: add the closing " + c);
                }
                out.add(new Token(Kind.QUOTED, text.substring(pos + 1, end), pos));
                pos = end + 1;
            } else {
                int start = pos;
                while (pos < n && !Character.isWhitespace(text.charAt(pos)) && PUNCTUATION.indexOf(text.charAt(pos)) < 0
                        && text.charAt(pos) != '\'' && text.charAt(pos) != '"') {
                    pos++;
                }
                out.add(new Token(Kind.WORD, text.substring(start, pos), start));
            }
        }
    }
}
