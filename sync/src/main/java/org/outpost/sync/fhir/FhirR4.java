package org.outpost.sync.fhir;

import ca.uhn.fhir.context.FhirContext;

/**
 * The one HAPI FHIR R4 context of the process. A {@link FhirContext} is expensive to build (it scans the model
 * classes) and thread-safe once built, so it is built once, on first use — never at start-up, since the login
 * screen needs no FHIR.
 */
public final class FhirR4 {
    private FhirR4() {
    }

    private static final class Holder {
        static final FhirContext CONTEXT = FhirContext.forR4();
    }

    /** The shared R4 context. */
    public static FhirContext context() {
        return Holder.CONTEXT;
    }
}
