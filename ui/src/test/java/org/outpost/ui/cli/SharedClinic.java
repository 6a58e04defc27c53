package org.outpost.ui.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link Clinic} template, built once per test run (PBKDF2 makes every login cost a
 * quarter of a second) and deleted when the run ends. Tests copy it before changing anything.
 */
final class SharedClinic implements ParameterResolver {
    /** The template's directory; never change it, copy it with {@link #copyTo}. */
    record Template(Path dir) {
        Path copyTo(Path target) {
            return Clinic.copy(dir, target);
        }
    }

    private record Built(Template template) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try (Stream<Path> walk = Files.walk(template.dir())) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Template.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedClinic.class));
        return store.getOrComputeIfAbsent("clinic", key -> {
            try {
                Path dir = Files.createTempDirectory("outpost-cli-clinic");
                Clinic.build(dir);
                return new Built(new Template(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Built.class).template();
    }
}
