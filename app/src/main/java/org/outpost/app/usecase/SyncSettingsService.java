package org.outpost.app.usecase;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.Permission;
import org.outpost.app.domain.Recorded;
import org.outpost.app.port.Store;
import org.outpost.app.sharing.BearerToken;
import org.outpost.app.sharing.ServerUrl;
import org.outpost.app.sharing.SiteSecret;
import org.outpost.app.sharing.SyncSettings;

/**
 * An administrator's sync settings (issue 12): the server, the bearer token, k for the k-anonymity gate and
 * whether this site shares genotypes; and the rotation of the site secret behind pseudonyms. Every change is
 * audited (the token never: only whether a new one was set). A change that alters every summary — genotype
 * sharing turned on or off, a new site secret and so new pseudonyms — queues every consenting patient's summary
 * again, in the same transaction. Needs {@link Permission#CONFIGURE_SYNC}.
 */
public final class SyncSettingsService {
    private final Store store;
    private final Clock clock;
    private final Session session;

    public SyncSettingsService(Store store, Clock clock, Session session) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.session = Objects.requireNonNull(session);
    }

    /** The settings now (the token inside is never printed by {@link SyncSettings#toString()}). */
    public SyncSettings current() {
        session.require(Permission.CONFIGURE_SYNC);
        return store.read(r -> r.syncSettings().load());
    }

    /**
     * Sets the server and, where given, a new token, k and genotype sharing (what is not given is kept).
     *
     * @param url            the server's address: https, or http to this machine only
     * @param token          a new bearer token; empty keeps the one set
     * @param k              a new k ({@value SyncSettings#MIN_K} to {@value SyncSettings#MAX_K}); empty keeps it
     * @param shareGenotypes a new site-level genotype setting; empty keeps it
     * @throws IllegalArgumentException with a message for the administrator when the address or k is refused
     */
    public SyncSettings configure(String url, Optional<BearerToken> token, OptionalInt k,
                                  Optional<Boolean> shareGenotypes) {
        session.require(Permission.CONFIGURE_SYNC);
        ServerUrl server = ServerUrl.parse(url);
        Objects.requireNonNull(token, "token");
        k.ifPresent(SyncSettings::requireK);
        return store.write(r -> {
            SyncSettings before = r.syncSettings().load();
            boolean genotypes = shareGenotypes.orElse(before.shareGenotypes());
            SyncSettings after = before.with(server, token, k.orElse(before.k()), genotypes,
                    new Recorded(session.username(), clock.instant()));
            r.syncSettings().save(after);
            int queued = genotypes != before.shareGenotypes() ? r.outbox().changedAll() : 0;
            r.audit().append(new AuditEvent(clock.instant(), session.username(), AuditAction.SYNC_CONFIGURED,
                    Optional.empty(), "host=" + server.uri().getHost() + ";k=" + after.k() + ";genotypes="
                    + (genotypes ? "yes" : "no") + ";token=" + (token.isPresent() ? "new"
                    : after.token().isPresent() ? "kept" : "none") + ";queued=" + queued));
            return after;
        });
    }

    /**
     * Replaces the site secret with a new random one. Every patient's pseudonym changes: the server can no longer
     * link what it receives from now on to what it received before, so every consenting patient's summary is
     * queued again under the new pseudonym. Audited with the count.
     */
    public SecretRotation rotateSiteSecret() {
        session.require(Permission.CONFIGURE_SYNC);
        return store.write(r -> {
            SiteSecret secret = r.syncSettings().rotateSiteSecret(clock.instant());
            int queued = r.outbox().changedAll();
            r.audit().append(new AuditEvent(clock.instant(), session.username(), AuditAction.SITE_SECRET_ROTATED,
                    Optional.empty(), "queued=" + queued));
            return new SecretRotation(secret.createdAt(), queued);
        });
    }

    /**
     * What a rotation of the site secret did.
     *
     * @param at     when the new secret was made
     * @param queued how many summaries were queued again under the new pseudonyms
     */
    public record SecretRotation(Instant at, int queued) {
    }
}
