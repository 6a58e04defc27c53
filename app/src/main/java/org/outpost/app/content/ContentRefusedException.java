package org.outpost.app.content;

import java.util.Optional;

/**
 * A content bundle that is refused whole: unsigned, signed by a key Outpost does not trust, a signature that
 * does not verify, a malformed manifest, or a file that does not match it. The message names the file and the
 * reason in words an IT person or pharmacist can act on; it never holds patient data (bundles hold none).
 */
public final class ContentRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;

    /** A refusal about one file of the bundle ({@code file} is its path relative to the bundle folder). */
    public ContentRefusedException(String file, String reason) {
        super(file + ": " + reason, null, false, false);
        this.file = file;
    }

    /** A refusal about the bundle as a whole (e.g. not signed). */
    public ContentRefusedException(String reason) {
        super(reason, null, false, false);
        this.file = null;
    }

    /** The file the refusal is about (relative to the bundle folder), if it is about one file. */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }
}
