package org.outpost.ui.concurrent;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the user sees of an unexpected failure: a short id they can copy into a support request (the
 * log line carries the same id and the details) and the kind of failure, never a stack trace.
 *
 * @param errorId e.g. {@code E-3F9A1C}
 * @param kind    the simple class name of the failure, no message (messages may name data)
 */
public record ErrorNotice(String errorId, String kind) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public ErrorNotice {
        Objects.requireNonNull(errorId, "errorId");
        Objects.requireNonNull(kind, "kind");
    }

    /** A notice with a fresh random id. */
    public static ErrorNotice of(Throwable failure) {
        byte[] bytes = new byte[3];
        RANDOM.nextBytes(bytes);
        return new ErrorNotice("E-" + HexFormat.of().withUpperCase().formatHex(bytes),
                failure.getClass().getSimpleName());
    }
}
