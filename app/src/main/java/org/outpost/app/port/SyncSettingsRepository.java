package org.outpost.app.port;

import java.time.Instant;
import org.outpost.app.sharing.SiteSecret;
import org.outpost.app.sharing.SyncSettings;

/**
 * The sync settings and the site secret, both kept inside the encrypted database (one row each). Changes go
 * through the use case that audits them ({@code SyncSettingsService}).
 */
public interface SyncSettingsRepository {
    /** The settings; {@link SyncSettings#defaults()} until an administrator configured sync. */
    SyncSettings load();

    /** Replaces the settings. */
    void save(SyncSettings settings);

    /**
     * The site secret behind pseudonyms. It exists from the first unlock of a database of this version on.
     *
     * @throws StoreException when it is missing (the database is damaged)
     */
    SiteSecret siteSecret();

    /** Replaces the site secret with a new random one made {@code at}; every pseudonym changes. */
    SiteSecret rotateSiteSecret(Instant at);
}
