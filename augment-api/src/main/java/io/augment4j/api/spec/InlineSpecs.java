package io.augment4j.api.spec;

import io.augment4j.api.pipeline.PipelineSpec;
import io.augment4j.api.registry.TransformRegistry;

import java.util.Objects;

/**
 * The one-line spec syntax, for command lines and quick tries. It describes the same trees as the YAML/JSON format of
 * {@link Specs}, groups included:
 *
 * <pre>
 * hflip(p=0.5) | rotate(limit=15, p=0.8) | one_of(gaussian_blur, motion_blur, weights=[2, 1])
 * some_of(2, brightness, contrast, hue, p=0.8) | sequence(to_gray | gaussian_noise, p=0.3)
 * pipeline(hflip | rotate(limit=[-10, 20]), seed=42, p=0.9)
 * </pre>
 *
 * Grammar ({@code [x]}: optional; {@code x*}: repeated):
 * <pre>
 * spec   := chain | pipeline( chain [, seed=WHOLE] [, p=PROB] )    pipeline(...) only around the whole spec
 * chain  := node ( '|' node )*                                     applied one after the other
 * node   := step | group
 * step   := NAME [ ( [ KEY=value (, KEY=value)* ] ) ]              p=PROB is the step's probability
 * group  := sequence( [chain] [, p=PROB] )
 *         | one_of( node (, node)* [, weights=[w, ...]] [, p=PROB] )
 *         | some_of( N (, node)* [, p=PROB] )                      N: how many distinct nodes to apply
 * value  := number | true | false | word | 'text' | "text" | [ [value (, value)*] ]
 * </pre>
 *
 * <ul>
 *   <li>NAME and KEY are names such as {@code rotate}, {@code border}, {@code acme.fog}. {@code sequence},
 *       {@code one_of}, {@code some_of} and {@code pipeline} are reserved for the groups: a transform of one of these
 *       names can be used in YAML specs only.
 *   <li>Inside {@code one_of} and {@code some_of}, ',' separates the choices; a choice of several steps is written
 *       {@code sequence(a | b)}. Inside {@code sequence} and {@code pipeline}, steps are joined with '|'.
 *   <li>{@code some_of} takes its count first ({@code some_of(2, a, b, c)}); {@code n=2} among its parameters is
 *       accepted too. The named parameters of a group ({@code p}, {@code weights}, {@code n}, {@code seed}) may stand
 *       anywhere between its parentheses; {@link #format} writes them last.
 *   <li>Values are read as the YAML reader reads them: whole numbers become {@link Integer} (or {@link Long} when
 *       larger), other numbers ({@code 0.5}, {@code .5}, {@code 1e-3}) {@link Double}, {@code true}/{@code false}
 *       {@link Boolean}, anything else a {@link String}; quotes make text of anything ({@code '15'}, {@code 'a b'}),
 *       with no escapes inside. {@code null} is refused (leave the parameter out for its default).
 * </ul>
 *
 * Errors are {@link SpecException}s located by column (and line, when the text has several lines), with the text and
 * a caret under the column:
 * <pre>
 * inline spec, column 9: unknown transform 'rotaet'; did you mean rotate? ('aug list' shows every transform)
 *   hflip | rotaet(limit=15)
 *           ^
 * </pre>
 * With a registry, transform names and parameters are validated as {@link Specs#parse(String, String,
 * TransformRegistry)} validates them, with the same messages; the inline and the YAML form of one pipeline parse to
 * equal {@link PipelineSpec}s.
 */
public final class InlineSpecs {
    /** The source name that errors carry. */
    public static final String SOURCE = "inline spec";

    private InlineSpecs() {
    }

    /** Parses {@code text}, checking its structure only (not transform names or parameters). */
    public static PipelineSpec parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses {@code text} and, when {@code registry} is not null, checks every transform name and parameter against it.
     *
     * @throws SpecException naming the column of the first problem
     */
    public static PipelineSpec parse(String text, TransformRegistry registry) {
        return InlineParser.parse(Objects.requireNonNull(text, "text"), registry);
    }

    /**
     * The spec in the inline syntax, {@code pipeline(...)} around it only when it has a seed or a probability.
     * {@code parse(format(spec))} equals {@code spec} for every spec that {@link #parse} read, and for any other spec
     * that {@code format} accepts whose parameter values are of the kinds the readers make: {@link Integer} for whole
     * numbers that fit, {@link Long} for larger ones, {@link Double}, {@link Boolean}, {@link String} and lists of
     * them (a {@link Long} 5 would read back as the {@link Integer} 5).
     *
     * @throws IllegalArgumentException when the spec cannot be written inline: no steps at all, a transform called
     *     like a group, a parameter name that is not a NAME, a non-finite or {@code null} value, a value of another
     *     type (a map), text holding both quote characters, {@code targets:} options other than the defaults
     */
    public static String format(PipelineSpec spec) {
        return InlineFormatter.format(Objects.requireNonNull(spec, "spec"));
    }
}
