package org.outpost.ui.shell.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.outpost.sync.transport.ConnectionSettings;
import org.outpost.sync.transport.SyncService;

/**
 * How the desktop runs sync for a signed-in session: where a pinned CA may be, the loop's batch size and period,
 * how long the server may stay silent before a send counts as not confirmed, and how often the indicator re-reads
 * the outbox between sync events.
 *
 * @param caFile       where the pinned CA file may be ({@value #CA_FILE} in the data directory); it is used only if
 *                     it exists when sync opens, and then only its CAs are trusted for the server
 * @param loop         batch size and period of the sync loop
 * @param readTimeout  how long the server may stay silent while answering
 * @param refreshEvery how often the indicator re-reads the outbox counts
 */
public record SyncOptions(Optional<Path> caFile, SyncService.Settings loop, Duration readTimeout,
                          Duration refreshEvery) {
    /** The pinned CA's file name in the data directory: PEM, one or more {@code BEGIN CERTIFICATE} blocks. */
    public static final String CA_FILE = "sync-ca.pem";

    public SyncOptions {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(refreshEvery, "refreshEvery");
        if (readTimeout.isNegative() || readTimeout.isZero() || refreshEvery.isNegative() || refreshEvery.isZero()) {
            throw new IllegalArgumentException("sync timeouts must be positive");
        }
    }

    /** The standard loop, with {@code <dataDir>/}{@value #CA_FILE} as the pinned CA when that file exists. */
    public static SyncOptions forDataDirectory(Path dataDir) {
        return new SyncOptions(Optional.of(dataDir.resolve(CA_FILE)), SyncService.Settings.standard(),
                ConnectionSettings.DEFAULT_READ_TIMEOUT, Duration.ofSeconds(30));
    }

    /** The standard loop, trusting the system's CAs (no data directory known, e.g. in tests). */
    public static SyncOptions standard() {
        return new SyncOptions(Optional.empty(), SyncService.Settings.standard(),
                ConnectionSettings.DEFAULT_READ_TIMEOUT, Duration.ofSeconds(30));
    }

    /** The CA file to pin, if it exists now. Touches the disk: call off the FX thread. */
    public Optional<Path> pinnedCa() {
        return caFile.filter(Files::exists);
    }
}
