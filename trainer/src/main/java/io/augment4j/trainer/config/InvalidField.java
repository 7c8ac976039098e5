package io.augment4j.trainer.config;

/**
 * Thrown by a config record's constructor for a bad value; the loader turns it into a
 * {@link ConfigException} naming the full path ({@code section.field}) and its line.
 */
final class InvalidField extends IllegalArgumentException {
    private final String field;

    InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the field (snake_case), relative to the record that threw */
    String field() {
        return field;
    }

    static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new InvalidField(field, message);
        }
    }
}
