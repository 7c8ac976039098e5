package io.augment4j.api.testing;

import io.augment4j.api.spi.TransformProvider;

import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Real plugin jars for tests: Java sources compiled against the test class path and packed as a third party would. */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * Compiles {@code sources} (fully qualified class name to source text) and packs the classes into {@code jar}.
     *
     * @param work a scratch folder for sources and classes
     * @param servicesLine the line of {@code META-INF/services/...TransformProvider}, or {@code null} for none
     * @param leaveOut classes compiled but left out of the jar, as if a dependency were missing at run time
     */
    public static Path build(Path work, Path jar, String servicesLine, Map<String, String> sources,
                             String... leaveOut) throws IOException {
        String stem = jar.getFileName().toString();
        Path src = Files.createDirectories(work.resolve("src-" + stem));
        Path classes = Files.createDirectories(work.resolve("classes-" + stem));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test plugin " + stem + " did not compile");
        }
        List<String> omitted = Stream.of(leaveOut).map(c -> c.replace('.', '/') + ".class").toList();
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String entry = classes.relativize(p).toString().replace('\\', '/');
                if (!omitted.contains(entry)) {
                    out.putNextEntry(new JarEntry(entry));
                    Files.copy(p, out);
                    out.closeEntry();
                }
            }
            if (servicesLine != null) {
                out.putNextEntry(new JarEntry("META-INF/services/" + TransformProvider.class.getName()));
                out.write(servicesLine.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
