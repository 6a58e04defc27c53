package org.outpost.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.h2.tools.ChangeFileEncryption;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.port.KeyRotationReport;
import org.outpost.app.port.StoreException;
import org.outpost.store.jdbc.JdbcRepositories;
import org.outpost.store.jdbc.Tx;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.KeySlot;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.KeySlots;
import org.outpost.store.keys.KeyWrapper;
import org.outpost.store.keys.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the data key of a closed database, crash-safely. The new database and key file are built in
 * {@code rotation-staging/} beside the live ones; a {@code commit} marker written (atomically, after
 * both staged files are on disk) is the point of no return; then the database and the key file are
 * renamed over the live ones, database first. {@link #recover} runs before every open: without a marker
 * it deletes the staging folder (the live pair is the old, complete one); with a marker it finishes the
 * renames, each of which is atomic and skipped when already done. So after a crash at any point the next
 * open finds old database + old keys or new database + new keys, never a mixed or missing pair.
 *
 * <p>Re-encryption is H2's {@link ChangeFileEncryption} on a copy of the closed file; H2's SQL user
 * password is also derived from the data key, so it is changed on the copy with {@code ALTER USER}
 * (opened once with the new file password and the old user password).
 *
 * <p>{@code rotation.lock} (an OS file lock) is held for the whole rotation and taken briefly by
 * {@link #recover}, so no other Outpost process opens the database mid-rotation or discards a rotation
 * still being staged.
 */
final class KeyRotation {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);
    static final String STAGING = "rotation-staging";
    static final String COMMIT = "commit";
    static final String LOCK = "rotation.lock";

    /** The points between steps, in order; tests make a rotation stop at each one. */
    enum Step {
        COPIED, REENCRYPTED, USER_REKEYED_AND_AUDITED, KEYS_STAGED, COMMITTED, DATABASE_SWITCHED, KEYS_SWITCHED
    }

    /** Called at each {@link Step}; production passes one that does nothing. */
    @FunctionalInterface
    interface Checkpoint {
        void reached(Step step);

        Checkpoint NONE = step -> { };
    }

    private KeyRotation() {
    }

    /** Message for an open attempt while a rotation holds the lock. */
    static final String ROTATING = "The data key is being rotated; try again when that has finished";

    /** The exclusive rotation lock of {@code files}; fails with a clear message while another process holds it. */
    static Locked lock(DataDirectory files) {
        return lock(files, false, ROTATING);
    }

    /**
     * The rotation lock, shared (held by an unlock while it opens H2, so a rotation cannot start between
     * the unlock's check and H2's own file lock) or exclusive (a rotation, a recovery); fails with
     * {@code busy} while another holder excludes it.
     */
    static Locked lock(DataDirectory files, boolean shared, String busy) {
        Path file = files.root().resolve(LOCK);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), SecureFiles.ownerOnly(files.root()));
            FileLock lock = ch.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                throw new StoreException(busy);
            }
            return new Locked(ch, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw new StoreException(busy);
        } catch (IOException e) {
            closeQuietly(ch);
            throw org.outpost.store.jdbc.DiskProblems.orElse(files.root(), e,
                    "The data directory cannot be locked: check its permissions");
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    /** A held rotation lock. */
    record Locked(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.debug("Releasing the rotation lock failed");
            }
            closeQuietly(channel);
        }
    }

    /** Finishes or discards an interrupted rotation; takes the rotation lock for the moment it needs. */
    static void recover(DataDirectory files) {
        if (!Files.exists(files.root().resolve(STAGING))) {
            return;
        }
        try (Locked ignored = lock(files)) {
            recoverLocked(files, Checkpoint.NONE);
        }
    }

    private static void recoverLocked(DataDirectory files, Checkpoint checkpoint) {
        Path staging = files.root().resolve(STAGING);
        if (!Files.exists(staging)) {
            return;
        }
        if (Files.exists(staging.resolve(COMMIT))) {
            try {
                switchIn(files, checkpoint);
            } catch (IOException e) {
                throw new StoreException("An interrupted key rotation could not be finished: check the disk and the "
                        + "data directory's permissions (nothing was lost; it is retried at the next sign-in)");
            }
            LOG.info("Finished an interrupted key rotation");
        } else {
            deleteTree(staging);
            LOG.info("Discarded an interrupted key rotation (the database keeps its old key)");
        }
    }

    /**
     * Rotates. The caller holds the lock, has checked the actor and made sure the database is closed;
     * {@code keep} are the slots to reseal (every enabled user's, all format 2).
     */
    static KeyRotationReport rotate(DataDirectory files, DataKey oldKey, Map<String, KeySlot> keep, String actor,
            KeyWrapper wrapper, SecureRandom random, Clock clock, Checkpoint checkpoint) {
        long start = System.nanoTime();
        recoverLocked(files, Checkpoint.NONE);
        Path staging = files.root().resolve(STAGING);
        Path stagedDb = staging.resolve(DataDirectory.DB_FILE);
        boolean committed = false;
        try (DataKey newKey = DataKey.generate(random, oldKey.generation() + 1)) {
            SecureFiles.createPrivateDirectory(staging);
            Files.copy(files.database(), stagedDb);
            checkpoint.reached(Step.COPIED);

            char[] oldFile = oldKey.filePassword();
            char[] newFile = newKey.filePassword();
            try {
                ChangeFileEncryption.execute(staging.toString(), DataDirectory.DB_NAME, "AES", oldFile, newFile, true);
            } finally {
                Arrays.fill(oldFile, '\0');
                Arrays.fill(newFile, '\0');
            }
            checkpoint.reached(Step.REENCRYPTED);

            rekeyUserAndAudit(staging, oldKey, newKey, actor, keep.size(), clock);
            checkpoint.reached(Step.USER_REKEYED_AND_AUDITED);

            Map<String, KeySlot> resealed = new TreeMap<>();
            for (KeySlot slot : keep.values()) {
                resealed.put(slot.username(), wrapper.reseal(slot, oldKey, newKey));
            }
            KeySlotFile.write(staging.resolve(KeySlotFile.NAME), new KeySlots(KeyWrapper.FORMAT_VERSION, resealed));
            SecureFiles.restrictToOwner(stagedDb);
            try (FileChannel ch = FileChannel.open(stagedDb, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            SecureFiles.syncDirectory(staging);
            checkpoint.reached(Step.KEYS_STAGED);

            SecureFiles.writeAtomically(staging.resolve(COMMIT),
                    ("generation=" + newKey.generation() + "\n").getBytes(StandardCharsets.UTF_8));
            committed = true;
            checkpoint.reached(Step.COMMITTED);
            long bytes = Files.size(stagedDb);
            switchIn(files, checkpoint);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("Data key rotated to generation {} for {} users ({} MiB in {} ms)", newKey.generation(),
                    resealed.size(), bytes >> 20, took.toMillis());
            return new KeyRotationReport(newKey.generation(), resealed.size(), bytes, took);
        } catch (SQLException e) {
            LOG.warn("Key rotation failed: SQL state {}, H2 error {}", e.getSQLState(), e.getErrorCode());
            throw new StoreException("The data key could not be rotated; the database keeps its old key");
        } catch (IOException e) {
            if (committed) {
                throw new StoreException("The key rotation could not be finished: check the disk; it is finished "
                        + "at the next sign-in");
            }
            throw new StoreException("The data key could not be rotated (check the disk and the data directory's "
                    + "permissions); the database keeps its old key");
        } finally {
            if (!committed) {
                deleteTree(staging);
            }
        }
    }

    /**
     * Opens the re-encrypted copy with the new file password and the old SQL user password, sets the user
     * password the new key derives, records the rotation in the copy's audit log, and checks the copy opens
     * with the new key alone.
     */
    private static void rekeyUserAndAudit(Path staging, DataKey oldKey, DataKey newKey, String actor, int users,
            Clock clock) throws SQLException {
        char[] oldPassword = oldKey.h2Password();
        char[] newPassword = newKey.h2Password();
        int space = DataKey.LENGTH * 2;
        char[] mixed = new char[newPassword.length];
        System.arraycopy(newPassword, 0, mixed, 0, space + 1);
        System.arraycopy(oldPassword, space + 1, mixed, space + 1, oldPassword.length - space - 1);
        String newUserPassword = new String(newPassword, space + 1, newPassword.length - space - 1);
        Arrays.fill(oldPassword, '\0');
        Arrays.fill(newPassword, '\0');
        try (Connection c = H2Database.connect(staging, mixed, true); Statement st = c.createStatement()) {
            st.execute("ALTER USER " + H2Database.USER + " SET PASSWORD '" + newUserPassword + "'");
        }
        try (Connection c = H2Database.connect(staging, newKey, true)) {
            c.setAutoCommit(false);
            Tx tx = new Tx(c, clock, true);
            JdbcRepositories r = new JdbcRepositories(tx);
            r.audit().append(new AuditEvent(clock.instant(), actor, AuditAction.KEY_ROTATED,
                    Optional.empty(), "generation=" + newKey.generation() + " users=" + users));
            c.commit();
            org.outpost.store.jdbc.ChainHead head = r.audit().head();
            tx.end();
            // the audit anchor's MAC key derives from the data key: the new database gets an anchor under the
            // new key, switched in with it (an anchor under the old key would read as "altered")
            try (AuditAnchor anchor = new AuditAnchor(staging.resolve(AuditAnchor.FILE), newKey)) {
                anchor.write(new AuditAnchor.Head(head.seq(), head.hash(), clock.instant()));
            } catch (IOException e) {
                throw new SQLException("the staged audit anchor could not be written", e);
            }
        }
    }

    /** Renames the staged database, then the staged key file, over the live ones; each skipped if done. */
    private static void switchIn(DataDirectory files, Checkpoint checkpoint) throws IOException {
        Path staging = files.root().resolve(STAGING);
        Path db = staging.resolve(DataDirectory.DB_FILE);
        if (Files.exists(db)) {
            Files.move(db, files.database(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SecureFiles.syncDirectory(files.root());
        }
        checkpoint.reached(Step.DATABASE_SWITCHED);
        Path keys = staging.resolve(KeySlotFile.NAME);
        if (Files.exists(keys)) {
            Files.move(keys, files.keys(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SecureFiles.syncDirectory(files.root());
        }
        checkpoint.reached(Step.KEYS_SWITCHED);
        Path anchor = staging.resolve(AuditAnchor.FILE);
        if (Files.exists(anchor)) {
            Files.move(anchor, files.auditAnchor(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SecureFiles.syncDirectory(files.root());
        }
        Files.deleteIfExists(staging.resolve(COMMIT));
        deleteTree(staging);
        SecureFiles.syncDirectory(files.root());
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not remove {}", p.getFileName());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not remove {}", dir.getFileName());
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch == null) {
            return;
        }
        try {
            ch.close();
        } catch (IOException e) {
            LOG.debug("Closing the rotation lock failed");
        }
    }
}
