package org.outpost.sync.fhir;

/**
 * A file that cannot be read as the FHIR R4 Bundle or Patient Outpost expects. The message says what is wrong in
 * words a user can act on and never quotes the file's content: it may hold patient data.
 */
public final class FhirReadException extends Exception {
    private static final long serialVersionUID = 1L;

    public FhirReadException(String message) {
        super(message, null, false, false);
    }
}
