package org.outpost.sync.testserver;

import java.net.URI;

/** A FHIR R4 server the sync tests run in-process on a loopback port. */
public interface FhirTestServer extends AutoCloseable {
    /** e.g. {@code http://127.0.0.1:41234/fhir} */
    URI base();

    default int port() {
        return base().getPort();
    }

    /** Forgets every resource and its history, so a scenario starts from an empty server. */
    void reset();

    /** What kind of server this is, for test reports. */
    String description();

    @Override
    void close() throws Exception;
}
