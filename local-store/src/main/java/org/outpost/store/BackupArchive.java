package org.outpost.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.outpost.app.port.StoreException;
import org.outpost.store.keys.KeySlotFile;
import org.outpost.store.keys.SecureFiles;

/**
 * The backup file: a zip holding a small manifest, the key-slot file, the audit anchor and the database file
 * as H2's online {@code BACKUP TO} copied it (its pages stay AES-encrypted). Self-contained: any user's
 * password whose slot is in it opens it, and nothing in it is readable without one. The manifest records the
 * Outpost, H2 and schema versions it was made with, so a restore can refuse a backup from a newer version
 * with a clear message instead of failing halfway inside H2 or Flyway.
 */
final class BackupArchive {
    static final String MANIFEST = "outpost-backup.properties";
    static final int FORMAT = 1;
    static final String NOT_A_BACKUP = "That file is damaged or is not an Outpost backup";

    private BackupArchive() {
    }

    /**
     * What a backup says about itself.
     *
     * @param created when it was made
     * @param outpost the Outpost version that made it ("unknown" in backups made before versions were recorded)
     * @param h2      the H2 version that wrote its database file ("" when not recorded)
     * @param schema  the schema (Flyway) version of its database ("" when not recorded)
     */
    record Manifest(Instant created, String outpost, String h2, String schema) { }

    /** Outpost's version as the jar's manifest gives it. */
    static String outpostVersion() {
        String v = BackupArchive.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    /**
     * Writes a backup of the open database (caller holds the write lock) to {@code target}, atomically. The
     * backup's audit anchor is made under {@code key} for the database copy itself (its own audit head, read
     * from the copy), so the two always agree (H2 2.5's online copy was seen to lack the backup session's
     * newest audit row, which a copied anchor file then contradicted).
     */
    static void write(Connection c, DataDirectory files, Path target, Instant at, org.outpost.store.keys.DataKey key)
            throws SQLException, IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = Objects.requireNonNull(abs.getParent(), "a backup is written to a file inside a folder");
        Files.createDirectories(parent);
        String base = "." + abs.getFileName() + "-" + UUID.randomUUID();
        Path h2zip = parent.resolve(base + ".h2.zip");
        Path tmp = parent.resolve(base + ".tmp");
        try {
            try (Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + h2zip.toString().replace("'", "''") + "'");
            }
            byte[] keys = Files.readAllBytes(files.keys());
            String manifest = "format=" + FORMAT + "\ncreated=" + at + "\noutpost=" + outpostVersion()
                    + "\nh2=" + H2Database.h2Version() + "\nschema=" + H2Database.schemaVersion(c) + "\n";
            byte[] anchor = Files.exists(files.auditAnchor()) ? anchorForCopy(h2zip, parent, key, at) : null;
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    SecureFiles.ownerOnly(parent))) {
                try (ZipOutputStream zip = new ZipOutputStream(Channels.newOutputStream(ch));
                     ZipFile h2 = new ZipFile(h2zip.toFile())) {
                    put(zip, MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
                    put(zip, KeySlotFile.NAME, keys);
                    if (anchor != null) {
                        put(zip, AuditAnchor.FILE, anchor);
                    }
                    ZipEntry db = h2.stream().filter(e -> e.getName().endsWith(DataDirectory.DB_FILE)).findFirst()
                            .orElseThrow(() -> new IOException("H2 wrote no database file to its backup"));
                    zip.putNextEntry(new ZipEntry(DataDirectory.DB_FILE));
                    try (InputStream in = h2.getInputStream(db)) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                    zip.finish();
                    ch.force(true);
                }
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            SecureFiles.syncDirectory(parent);
        } finally {
            Files.deleteIfExists(h2zip);
            Files.deleteIfExists(tmp);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** The manifest; anything that is not an Outpost backup is a {@link StoreException}. */
    static Manifest readManifest(Path backup) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            Properties p = manifest(zip);
            Instant created;
            try {
                created = Instant.parse(p.getProperty("created", "").strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new StoreException(NOT_A_BACKUP);
            }
            return new Manifest(created, p.getProperty("outpost", "unknown").strip(), p.getProperty("h2", "").strip(),
                    p.getProperty("schema", "").strip());
        } catch (ZipException | NumberFormatException e) {
            throw new StoreException(NOT_A_BACKUP);
        } catch (IOException e) {
            throw new StoreException("The backup file cannot be read");
        }
    }

    /** Checks the entries and the format; returns the manifest's properties. */
    private static Properties manifest(ZipFile zip) throws IOException {
        ZipEntry manifestEntry = zip.getEntry(MANIFEST);
        if (manifestEntry == null || zip.getEntry(KeySlotFile.NAME) == null || zip.getEntry(DataDirectory.DB_FILE) == null) {
            throw new StoreException(NOT_A_BACKUP);
        }
        Properties manifest = new Properties();
        try (InputStream in = zip.getInputStream(manifestEntry)) {
            manifest.load(new StringReader(new String(in.readNBytes(4096), StandardCharsets.UTF_8)));
        }
        int format = Integer.parseInt(manifest.getProperty("format", "0").strip());
        if (format > FORMAT) {
            throw new StoreException("That backup was made by a newer version of Outpost; update Outpost first");
        }
        if (format < 1) {
            throw new StoreException(NOT_A_BACKUP);
        }
        return manifest;
    }

    /** The key-slot file stored in a backup; anything that is not an Outpost backup is a {@link StoreException}. */
    static byte[] readKeys(Path backup) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            manifest(zip);
            ZipEntry keys = zip.getEntry(KeySlotFile.NAME);
            try (InputStream in = zip.getInputStream(keys)) {
                return in.readNBytes(1 << 20);
            }
        } catch (ZipException | NumberFormatException e) {
            throw new StoreException(NOT_A_BACKUP);
        } catch (IOException e) {
            throw new StoreException("The backup file cannot be read");
        }
    }

    /** An anchor for the audit head of the database inside H2's backup zip (opened read-only to read it). */
    private static byte[] anchorForCopy(Path h2zip, Path parent, org.outpost.store.keys.DataKey key, Instant at)
            throws IOException, SQLException {
        Path dir = Files.createTempDirectory(parent, ".outpost-backup-check-");
        try {
            try (ZipFile h2 = new ZipFile(h2zip.toFile())) {
                ZipEntry db = h2.stream().filter(e -> e.getName().endsWith(DataDirectory.DB_FILE)).findFirst()
                        .orElseThrow(() -> new IOException("H2 wrote no database file to its backup"));
                try (InputStream in = h2.getInputStream(db)) {
                    Files.copy(in, dir.resolve(DataDirectory.DB_FILE));
                }
            }
            long seq;
            String hash;
            try (Connection rc = H2Database.connectReadOnly(dir, key); Statement st = rc.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")) {
                if (!rs.next()) {
                    throw new IOException("the copied database has no audit head");
                }
                seq = rs.getLong(1);
                hash = rs.getString(2);
            }
            Path file = dir.resolve(AuditAnchor.FILE);
            try (AuditAnchor anchor = new AuditAnchor(file, key)) {
                anchor.write(new AuditAnchor.Head(seq, hash, at));
            }
            return Files.readAllBytes(file);
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The audit anchor stored in a backup; empty for backups made before anchors existed. */
    static java.util.Optional<byte[]> readAnchor(Path backup) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry anchor = zip.getEntry(AuditAnchor.FILE);
            if (anchor == null) {
                return java.util.Optional.empty();
            }
            try (InputStream in = zip.getInputStream(anchor)) {
                return java.util.Optional.of(in.readNBytes(64 * 1024));
            }
        } catch (ZipException e) {
            throw new StoreException(NOT_A_BACKUP);
        } catch (IOException e) {
            throw new StoreException("The backup file cannot be read");
        }
    }

    /** Copies the backup's database file to {@code target} (which must not exist). */
    static void extractDatabase(Path backup, Path target) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry db = zip.getEntry(DataDirectory.DB_FILE);
            if (db == null) {
                throw new StoreException(NOT_A_BACKUP);
            }
            try (InputStream in = zip.getInputStream(db);
                 FileChannel ch = FileChannel.open(target, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                         SecureFiles.ownerOnly(Objects.requireNonNull(target.getParent(), "the extracted database is inside a folder")))) {
                OutputStream out = Channels.newOutputStream(ch);
                in.transferTo(out);
                ch.force(true);
            }
        } catch (ZipException e) {
            throw new StoreException(NOT_A_BACKUP);
        } catch (IOException e) {
            throw new StoreException("The backup file cannot be read, or the data directory cannot be written");
        }
    }
}
