package org.outpost.sync.transport;

import org.outpost.app.sharing.ServerUrl;
import org.outpost.app.sharing.BearerToken;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the transport needs to reach the server, as the administrator set it.
 *
 * @param server where summaries go (already checked: https unless loopback)
 * @param trust which CAs may vouch for the server
 * @param token bearer token, if the server wants one
 * @param siteId this installation's id on the server, used for its audit checkpoint resource; a FHIR id
 *     ({@code [A-Za-z0-9-.]{1,48}}), never a patient or user name
 * @param connectTimeout how long to wait for the TCP/TLS connection
 * @param readTimeout how long the server may stay silent while answering; after that the send is "not confirmed"
 */
public record ConnectionSettings(ServerUrl server, ServerTrust trust, Optional<BearerToken> token, String siteId,
        Duration connectTimeout, Duration readTimeout) {
    /** Connect: a clinic link that cannot open a socket in 10 s is down for practical purposes. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Read: a transaction of one summary is small, but a busy JPA server can take many seconds to index it. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern SITE_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,48}");

    public ConnectionSettings {
        if (server == null || trust == null || token == null) {
            throw new SyncSetupException("Sync settings are incomplete.");
        }
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            throw new SyncSetupException("The site id must be 1 to 48 letters, digits, '-' or '.'.");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new SyncSetupException("Sync timeouts must be positive.");
        }
    }

    /** Default timeouts. */
    public static ConnectionSettings of(ServerUrl server, ServerTrust trust, Optional<BearerToken> token,
            String siteId) {
        return new ConnectionSettings(server, trust, token, siteId, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public ConnectionSettings withTimeouts(Duration connect, Duration read) {
        return new ConnectionSettings(server, trust, token, siteId, connect, read);
    }
}
