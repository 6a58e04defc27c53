package org.outpost.sync.fhir;

import ca.uhn.fhir.context.FhirContext;

/**
 * The one HAPI FHIR R4 context of the process. A {@link FhirContext} is expensive to build (it scans the model
 * classes) and thread-safe once built, so it is built once, on first use — never at start-up, since the login
 * screen needs no FHIR. Do not change its parser options elsewhere: every FHIR user in the process shares them.
 */
public final class FhirR4 {
    private FhirR4() {
    }

    private static final class Holder {
        static final FhirContext CONTEXT = build();

        private static FhirContext build() {
            FhirContext context = FhirContext.forR4();
            // Outpost's references are always "Type/id" strings, never a resource object without an id, so there is
            // nothing to contain: without this, every encoding walks the whole bundle looking (a third of the time
            // of encoding a summary, measured in bench/README.md)
            context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
            return context;
        }
    }

    /** The shared R4 context. */
    public static FhirContext context() {
        return Holder.CONTEXT;
    }
}
