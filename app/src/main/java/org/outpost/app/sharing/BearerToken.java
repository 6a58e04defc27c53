package org.outpost.app.sharing;

import java.util.Objects;

/**
 * The secret the sync server knows this workstation by (OAuth 2.0 bearer token, RFC 6750). Kept in the encrypted
 * database; never logged, never printed back ({@link #toString()} says only that one is set). Only the transport
 * reads {@link #value()}, to put it in the {@code Authorization} header.
 */
public final class BearerToken {
    /** Longest token kept (the settings column's width). */
    public static final int MAX_LENGTH = 4096;

    private final String value;

    private BearerToken(String value) {
        this.value = value;
    }

    /**
     * A token as read from a file or standard input: surrounding whitespace (a trailing newline) is removed; what
     * is left must be RFC 6750's token characters ({@code A-Z a-z 0-9 - . _ ~ + /}, then any {@code =}).
     *
     * @throws IllegalArgumentException when empty, too long or not token characters (the message never quotes it)
     */
    public static BearerToken of(String text) {
        Objects.requireNonNull(text, "text");
        String token = text.strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException("The bearer token is empty");
        }
        if (token.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The bearer token is longer than " + MAX_LENGTH + " characters");
        }
        if (!token.matches("[A-Za-z0-9\\-._~+/]+=*")) {
            throw new IllegalArgumentException("The bearer token holds characters a token cannot have (one line of "
                    + "letters, digits and - . _ ~ + / =)");
        }
        return new BearerToken(token);
    }

    /** The token itself, for the request header only. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BearerToken other && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                other.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "BearerToken[set]";
    }
}
