package io.augment4j.cli;

import io.augment4j.api.AugmentException;
import io.augment4j.api.TransformFailedException;
import io.augment4j.api.io.ImageReadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStreamWriter;

/**
 * {@code aug}, the augment4j command-line tool: list and describe transforms, preview a pipeline as a contact sheet,
 * augment a folder of images, replay one output.
 *
 * <p>Exit codes: {@value ExitCodes#OK} ok, {@value ExitCodes#INPUT_FAILED} some inputs failed,
 * {@value ExitCodes#USAGE} usage error (bad option, spec, transform, parameter or folder, or a transform's own code
 * failed, named with its jar),
 * {@value ExitCodes#INTERNAL} internal error (a bug). User errors print {@code aug: <message>} on stderr, never a
 * stack trace; {@code --verbose} adds it.
 */
@Command(name = "aug", mixinStandardHelpOptions = true, versionProvider = Aug.Version.class,
        description = "Image augmentation from the command line.",
        subcommands = {ListCommand.class, DescribeCommand.class, PreviewCommand.class, ApplyCommand.class,
                ReplayCommand.class, TrainCommand.class, TuneCommand.class, EvaluateCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 some inputs failed, 2 usage error or a failing transform, 3 internal error.",
                "Start with:  aug list",
                "        then aug preview --spec \"hflip(p=0.5) | rotate(limit=15)\" --image IMG --out sheet.png"})
public final class Aug implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @Option(names = "--plugins", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = {"Also load the transform plugins in every *.jar of this folder (repeatable).",
                    "Plugins are code: name only folders you trust."})
    java.util.List<java.nio.file.Path> pluginFolders = new java.util.ArrayList<>();

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: one of list, describe, preview, apply, replay, train, evaluate");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // The PyTorch engine loads from the bundled native jar; never download at run time.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // DJL's start-up INFO lines (platform found, thread counts) are noise on a user's console.
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "warn");
            // On a machine without a GPU, DJL warns that it found none: expected, not a problem.
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs {@code aug} with these arguments and streams; returns the exit code. Used by {@link #main} and tests. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    /** The configured picocli command line: error handlers, exit codes, streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Aug());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(100);
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || (parseResult.subcommand() != null && hasVerbose(parseResult));
            PrintWriter w = cmd.getErr();
            int code;
            if (e instanceof ImageReadException) {
                w.println("aug: " + e.getMessage());
                code = ExitCodes.INPUT_FAILED;
            } else if (e instanceof TransformFailedException) {
                // The transform's code, often a plugin's, threw: its author needs the stack trace.
                w.println("aug: " + e.getMessage() + (verbose ? "" : " (--verbose prints the stack trace)"));
                code = ExitCodes.USAGE;
            } else if (e instanceof AugmentException) {
                w.println("aug: " + e.getMessage());
                code = ExitCodes.USAGE;
            } else {
                w.println("aug: internal error: " + e + (verbose ? "" : " (a bug; --verbose prints the stack trace)"));
                code = ExitCodes.INTERNAL;
            }
            if (verbose) {
                e.printStackTrace(w);
            }
            w.flush();
            return code;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter w = cmd.getErr();
            w.println("aug: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, w);
            w.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            w.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static boolean hasVerbose(CommandLine.ParseResult r) {
        for (CommandLine.ParseResult p = r; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** The version line: the augment4j version from the jar manifest, or "development build". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Aug.class.getPackage().getImplementationVersion();
            return new String[] {"aug (augment4j) " + (v == null ? "development build" : v),
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
        }
    }
}
