package org.outpost.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.outpost.sync.testserver.InMemoryFhirServer;

/**
 * The local FHIR server of {@link SyncBench}, in its own JVM so that the workstation's heap is measured alone: the
 * sync tests' {@link InMemoryFhirServer} (HAPI FHIR 8.8.0's RestfulServer over an in-memory versioned store).
 * Prints {@code READY <base>} when it listens and stops when its standard input ends.
 */
public final class SyncBenchServer {
    private SyncBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        try (InMemoryFhirServer server = InMemoryFhirServer.start()) {
            System.out.println("READY " + server.base());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (in.readLine() != null) {
                // nothing to do: the parent closes standard input to stop the server
            }
        }
    }
}
