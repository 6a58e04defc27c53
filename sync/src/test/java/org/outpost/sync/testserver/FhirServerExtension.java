package org.outpost.sync.testserver;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link FhirTestServer} shared by every test class in the JVM (started once, stopped at the end).
 * {@code -Doutpost.sync.testserver=jpa} runs the same tests against the HAPI FHIR JPA server instead of the
 * default in-memory {@link InMemoryFhirServer}.
 */
public final class FhirServerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FhirServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FhirTestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("server", k -> new Shared(), Shared.class).server;
    }

    /** Closed by JUnit when the root context ends. */
    private static final class Shared implements AutoCloseable {
        final FhirTestServer server;

        Shared() {
            String kind = System.getProperty("outpost.sync.testserver", "memory");
            long t0 = System.nanoTime();
            try {
                server = kind.equals("jpa") ? JpaFhirServer.start() : InMemoryFhirServer.start();
            } catch (Exception e) {
                throw new IllegalStateException("test FHIR server did not start", e);
            }
            System.out.printf("[sync tests] %s started in %d ms at %s%n", server.description(),
                    (System.nanoTime() - t0) / 1_000_000, server.base());
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
