package org.outpost.sync.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The base URL of the FHIR server summaries go to, accepted only if summaries sent there are encrypted on the
 * way: {@code https} for every server, plain {@code http} only when the server is this computer (loopback:
 * {@code 127.0.0.0/8}, {@code ::1}, {@code localhost}), where nothing crosses a network. Host names other than
 * {@code localhost} are never resolved to decide this: a name that resolves to a loopback address today may
 * not tomorrow.
 *
 * @param base absolute base URL without a trailing slash, e.g. {@code https://research.example.org/fhir}
 */
public record ServerAddress(URI base) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /**
     * @throws SyncSetupException when the URL is not absolute http(s) with a host, carries credentials, a query
     *     or a fragment, or is plain http to another computer
     */
    public ServerAddress {
        if (base == null) {
            throw new SyncSetupException("No sync server address is set.");
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new SyncSetupException("The sync server address must start with https:// and name a server, e.g."
                    + " https://research.example.org/fhir (got " + base + ").");
        }
        if (base.getUserInfo() != null || base.getQuery() != null || base.getFragment() != null) {
            throw new SyncSetupException("The sync server address must be a plain base URL without user name,"
                    + " query or fragment; put the access token in the token setting instead.");
        }
        if (scheme.equals("http") && !isLoopback(base.getHost())) {
            throw new SyncSetupException("Refusing to send summaries to " + base.getHost() + " over plain http:"
                    + " a server on another computer must use https:// so the data is encrypted on the way."
                    + " Plain http is only allowed for a server on this computer (127.0.0.1, ::1, localhost).");
        }
        base = URI.create(base.toString().replaceAll("/+$", ""));
    }

    /**
     * Checks and normalises an address typed into the settings.
     *
     * @throws SyncSetupException with a message for the administrator when the address is malformed, not
     *     http(s), or plain http to another computer
     */
    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SyncSetupException("No sync server address is set.");
        }
        try {
            return new ServerAddress(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new SyncSetupException("The sync server address is not a valid URL: " + text.strip(), e);
        }
    }

    /** True when summaries to this address never leave this computer. */
    public boolean isLoopback() {
        return isLoopback(base.getHost());
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(base.getScheme());
    }

    public String host() {
        return base.getHost();
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        boolean literal = IPV4.matcher(h).matches() || h.contains(":");
        if (!literal) {
            return false;
        }
        try {
            // a literal address: getByName parses it without a DNS lookup
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
