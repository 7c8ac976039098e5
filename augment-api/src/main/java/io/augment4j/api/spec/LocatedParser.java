package io.augment4j.api.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML or JSON into a {@link Located} tree, keeping where each value starts for error messages. */
final class LocatedParser {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private final String source;

    private LocatedParser(String source) {
        this.source = source;
    }

    /** Parses {@code text}; JSON when it starts with '{' or '[', YAML otherwise. Returns null for an empty text. */
    static Located parse(String text, String source) {
        String t = text.stripLeading();
        JsonFactory f = t.startsWith("{") || t.startsWith("[") ? JSON : YAML;
        try (JsonParser p = f.createParser(text)) {
            LocatedParser lp = new LocatedParser(source);
            JsonToken tok = p.nextToken();
            if (tok == null) {
                return null;
            }
            Located root = lp.value(p, tok, "");
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new SpecException(source, l.getLineNr(), l.getColumnNr(), null,
                        "unexpected content after the end of the spec (a second document?)", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new SpecException(source, l == null ? -1 : l.getLineNr(), l == null ? -1 : l.getColumnNr(), null,
                    "not valid " + (f == JSON ? "JSON" : "YAML") + ": " + clean(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new SpecException(source, -1, -1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parser messages without source excerpts and caret lines: the location is already in front. */
    static String clean(String message) {
        if (message == null) {
            return "syntax error";
        }
        String noSource = message.replaceAll("\\s*\\(for \\w+ starting at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*?\\]", "");
        StringBuilder sb = new StringBuilder();
        for (String line : noSource.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                sb.append(sb.length() > 0 ? "; " : "").append(line.trim());
            }
        }
        return sb.length() == 0 ? noSource.trim() : sb.toString();
    }

    private Located value(JsonParser p, JsonToken tok, String path) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        switch (tok) {
            case START_OBJECT: {
                Map<String, Located> map = new LinkedHashMap<>();
                JsonToken t;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    Located v = value(p, p.nextToken(), childPath);
                    if (map.containsKey(key)) {
                        throw new SpecException(source, kl.getLineNr(), kl.getColumnNr(), childPath,
                                "key '" + key + "' appears twice", null);
                    }
                    map.put(key, v);
                }
                return new Located(map, line, col);
            }
            case START_ARRAY: {
                List<Located> list = new ArrayList<>();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, t, path + "[" + list.size() + "]"));
                }
                return new Located(list, line, col);
            }
            case VALUE_STRING:
                return new Located(p.getText(), line, col);
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return new Located(p.getIntValue(), line, col);
                    case LONG:
                        return new Located(p.getLongValue(), line, col);
                    default:
                        throw new SpecException(source, line, col, path, "number " + p.getText() + " is too large",
                                null);
                }
            case VALUE_NUMBER_FLOAT:
                return new Located(p.getDoubleValue(), line, col);
            case VALUE_TRUE:
                return new Located(Boolean.TRUE, line, col);
            case VALUE_FALSE:
                return new Located(Boolean.FALSE, line, col);
            case VALUE_NULL:
                return new Located(null, line, col);
            default:
                throw new SpecException(source, line, col, path, "unexpected " + tok, null);
        }
    }
}
