package org.outpost.sync.transport;

/**
 * The access token the server expects in {@code Authorization: Bearer}. Kept in its own type so that no
 * {@code toString()}, log line or exception message can print it by accident.
 */
public final class BearerToken {
    private final String value;

    private BearerToken(String value) {
        this.value = value;
    }

    /** @throws SyncSetupException if the token is blank or would break the header line */
    public static BearerToken of(String value) {
        if (value == null || value.isBlank()) {
            throw new SyncSetupException("The sync access token is empty.");
        }
        if (value.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new SyncSetupException("The sync access token contains spaces or characters that cannot be"
                    + " sent in an HTTP header; paste it again without line breaks.");
        }
        return new BearerToken(value);
    }

    /** The token itself, for the request header only. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
