package org.outpost.app.sharing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The sync server's base address. Summaries are health data even when de-identified, and the bearer token travels
 * with every request, so the address must be {@code https}; plain {@code http} is allowed only to this machine
 * (a local test server or a TLS-terminating proxy on loopback), where nothing crosses a network. Credentials in the
 * address are refused: the token is configured apart, and an address is shown and logged.
 *
 * @param uri the validated address (no user info, query or fragment)
 */
public record ServerUrl(URI uri) {
    /** The hosts that are this machine: {@code http} is allowed to them. */
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    /** Longest address kept (the settings column's width). */
    public static final int MAX_LENGTH = 2000;

    public ServerUrl {
        Objects.requireNonNull(uri, "uri");
        check(uri);
    }

    /**
     * Parses and checks an address as typed.
     *
     * @throws IllegalArgumentException with a message for the person configuring sync
     */
    public static ServerUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The sync server's address is empty");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The sync server's address is longer than " + MAX_LENGTH + " characters");
        }
        try {
            return new ServerUrl(new URI(trimmed));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The sync server's address is not a valid URL (for example "
                    + "https://sync.example.org/fhir)");
        }
    }

    private static void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("The sync server's address must be a full URL with a host, for example "
                    + "https://sync.example.org/fhir");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The sync server's address must not contain a user name or password; "
                    + "configure the bearer token apart (--token-file or --token-stdin)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("The sync server's address must not have a query (?…) or a fragment (#…)");
        }
        if (uri.toString().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The sync server's address is longer than " + MAX_LENGTH + " characters");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return;
        }
        throw new IllegalArgumentException("The sync server's address must start with https:// (plain http:// is "
                + "allowed only to this machine: localhost, 127.0.0.1 or [::1])");
    }

    /** Whether {@code host} names this machine: only {@code localhost}, {@code 127.0.0.1} and {@code ::1}. */
    static boolean isLoopback(String host) {
        return LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Whether requests stay on this machine. */
    public boolean isLoopback() {
        return isLoopback(uri.getHost());
    }

    /** Whether requests are encrypted on the way ({@code https}). */
    public boolean isHttps() {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** The server's host name or address, as typed (for messages). */
    public String host() {
        return uri.getHost();
    }

    /** The address without trailing slashes: the FHIR base that resource paths are appended to. */
    public URI base() {
        return URI.create(uri.toString().replaceAll("/+$", ""));
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
