package org.outpost.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.Recorded;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.SyncSettingsRepository;
import org.outpost.app.sharing.BearerToken;
import org.outpost.app.sharing.ServerUrl;
import org.outpost.app.sharing.SiteSecret;
import org.outpost.app.sharing.SyncSettings;

/**
 * The sync settings in {@code sync_settings} and the pseudonym key in {@code pseudonym_secret} (V11), one sealed
 * row each, inside the encrypted file. The bearer token is stored as it was given (the file's encryption protects
 * it) and leaves this class only inside {@link SyncSettings}, whose {@code toString} never shows it. The secret is
 * made by H2's {@code SECURE_RAND} (a {@link java.security.SecureRandom}) at the first unlock of a database of this
 * version ({@link #ensureSiteSecret}), not by the migration, because Flyway cannot seal the row.
 */
public final class JdbcSyncSettings implements SyncSettingsRepository {
    private final Tx tx;

    public JdbcSyncSettings(Tx tx) {
        this.tx = Objects.requireNonNull(tx);
    }

    /**
     * Makes the site secret if the database has none yet, sealed under {@code seal}, in the caller's transaction.
     * Returns whether it was made.
     */
    public static boolean ensureSiteSecret(Connection c, RowSeal seal, Instant now) throws SQLException {
        int made = Jdbc.update(c, "INSERT INTO pseudonym_secret (id, secret, created_at) SELECT 1, SECURE_RAND("
                + SiteSecret.BYTES + "), ? WHERE NOT EXISTS (SELECT 1 FROM pseudonym_secret)",
                ps -> ps.setObject(1, now));
        if (made > 0) {
            seal.reseal(c, SealedTable.PSEUDONYM_SECRET, "id = 1");
        }
        return made > 0;
    }

    @Override
    public SyncSettings load() {
        return Jdbc.run(tx, "read the sync settings", c -> Jdbc.queryOne(c, "SELECT "
                + SealedTable.SYNC_SETTINGS.select("") + " FROM sync_settings WHERE id = 1", ps -> { }, rs -> {
                    tx.seal().check(SealedTable.SYNC_SETTINGS, rs);
                    try {
                        String url = rs.getString("server_url");
                        String token = rs.getString("bearer_token");
                        return new SyncSettings(Optional.ofNullable(url).map(ServerUrl::parse),
                                Optional.ofNullable(token).map(BearerToken::of), rs.getInt("k_anonymity"),
                                rs.getBoolean("share_genotypes"), Optional.of(new Recorded(rs.getString("changed_by"),
                                        Jdbc.instant(rs, "changed_at"))));
                    } catch (IllegalArgumentException e) {
                        throw new StoreException("The stored sync settings are no longer valid; configure sync again "
                                + "(outpost admin sync config)");
                    }
                })).orElseGet(SyncSettings::defaults);
    }

    @Override
    public void save(SyncSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Recorded changed = settings.changed().orElseThrow(
                () -> new IllegalArgumentException("Saved sync settings say who changed them and when"));
        tx.requireWritable();
        Jdbc.run(tx, "save the sync settings", c -> Jdbc.updateSealed(c, tx.seal(), SealedTable.SYNC_SETTINGS, 1,
                "MERGE INTO sync_settings (id, server_url, bearer_token, k_anonymity, share_genotypes, changed_by, "
                        + "changed_at) KEY (id) VALUES (1, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, settings.server().map(ServerUrl::toString).orElse(null));
                    ps.setString(2, settings.token().map(BearerToken::value).orElse(null));
                    ps.setInt(3, settings.k());
                    ps.setBoolean(4, settings.shareGenotypes());
                    ps.setString(5, changed.by());
                    ps.setObject(6, changed.at());
                }));
    }

    @Override
    public SiteSecret siteSecret() {
        return Jdbc.run(tx, "read the site secret", c -> Jdbc.queryOne(c, "SELECT "
                + SealedTable.PSEUDONYM_SECRET.select("") + " FROM pseudonym_secret WHERE id = 1", ps -> { }, rs -> {
                    tx.seal().check(SealedTable.PSEUDONYM_SECRET, rs);
                    byte[] secret = rs.getBytes("secret");
                    try {
                        return new SiteSecret(secret, Jdbc.instant(rs, "created_at"));
                    } finally {
                        java.util.Arrays.fill(secret, (byte) 0);
                    }
                })).orElseThrow(() -> new StoreException(
                        "The database has no site secret for pseudonyms; it may be damaged (run outpost admin verify)"));
    }

    @Override
    public SiteSecret rotateSiteSecret(Instant at) {
        Objects.requireNonNull(at, "at");
        tx.requireWritable();
        Jdbc.run(tx, "replace the site secret", c -> {
            if (!ensureSiteSecret(c, tx.seal(), at)) {
                Jdbc.updateSealed(c, tx.seal(), SealedTable.PSEUDONYM_SECRET, 1, "UPDATE pseudonym_secret SET secret = "
                        + "SECURE_RAND(" + SiteSecret.BYTES + "), created_at = ? WHERE id = 1", ps -> ps.setObject(1, at));
            }
            return null;
        });
        return siteSecret();
    }
}
