package org.outpost.app.sharing;

import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.Recorded;

/**
 * How this workstation shares (issue 12), set by an administrator: where the summaries go and the token they go
 * with, the k of the k-anonymity gate (a summary whose generalised birth year, gender and ZIP3 are shared by fewer
 * than k consenting patients is held back), and whether genotypes may be sent at all from this site — off unless
 * turned on, and even then only for patients who consented to genotypes separately.
 *
 * @param server         the sync server; empty until configured
 * @param token          the bearer token; empty until configured
 * @param k              the k-anonymity threshold, {@value #MIN_K} to {@value #MAX_K}
 * @param shareGenotypes whether this site sends genotypes (of patients who consented to that)
 * @param changed        who last changed the settings and when; empty for the defaults
 */
public record SyncSettings(Optional<ServerUrl> server, Optional<BearerToken> token, int k, boolean shareGenotypes,
                           Optional<Recorded> changed) {
    /** The default k: a group must hold at least five consenting patients. */
    public static final int DEFAULT_K = 5;
    public static final int MIN_K = 2;
    public static final int MAX_K = 50;

    public SyncSettings {
        server = server == null ? Optional.empty() : server;
        token = token == null ? Optional.empty() : token;
        changed = changed == null ? Optional.empty() : changed;
        requireK(k);
    }

    /** Nothing configured: no server, no token, k = {@value #DEFAULT_K}, genotypes not shared. */
    public static SyncSettings defaults() {
        return new SyncSettings(Optional.empty(), Optional.empty(), DEFAULT_K, false, Optional.empty());
    }

    /** Fails with a message for the administrator unless {@code k} is {@value #MIN_K} to {@value #MAX_K}. */
    public static int requireK(int k) {
        if (k < MIN_K || k > MAX_K) {
            throw new IllegalArgumentException("k (the k-anonymity threshold) must be " + MIN_K + " to " + MAX_K
                    + ", not " + k);
        }
        return k;
    }

    /** Whether there is a server and a token, so a sync run can be tried. */
    public boolean isConfigured() {
        return server.isPresent() && token.isPresent();
    }

    /** These settings with {@code newServer}, {@code newToken} (kept when empty) and the rest as given. */
    public SyncSettings with(ServerUrl newServer, Optional<BearerToken> newToken, int newK, boolean genotypes,
                             Recorded by) {
        Objects.requireNonNull(newServer, "newServer");
        Objects.requireNonNull(by, "by");
        return new SyncSettings(Optional.of(newServer), newToken.or(() -> token), newK, genotypes, Optional.of(by));
    }

    /** For logs and the command line: the token only as set or not. */
    @Override
    public String toString() {
        return "SyncSettings[server=" + server.map(ServerUrl::toString).orElse("(none)") + ", token="
                + (token.isPresent() ? "set" : "not set") + ", k=" + k + ", shareGenotypes=" + shareGenotypes + "]";
    }
}
