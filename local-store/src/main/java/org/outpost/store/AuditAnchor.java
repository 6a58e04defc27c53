package org.outpost.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.outpost.app.domain.AuditVerification;
import org.outpost.store.keys.AnchorKey;
import org.outpost.store.keys.DataKey;
import org.outpost.store.keys.SecureFiles;

/**
 * The audit chain's head kept <em>outside</em> the database, in {@code audit-anchor.properties} beside it:
 * the sequence number and hash of the newest audit row, when it was anchored, and an HMAC-SHA256 over the
 * three under {@link AnchorKey} (derived from the data key). Inside the database the chain only proves that
 * rows were not changed <em>without recomputing it</em>; anyone with a password can recompute it, and a
 * database file copied back from earlier carries a perfectly consistent, older chain. The anchor catches
 * both: the database must still hold the anchored row with the anchored hash.
 *
 * <p>The anchor is written after the commit it records (never ahead of the database). A crash between
 * the two leaves it behind by the rows of that commit, which verification accepts: the database then holds
 * the anchored row and more. The file holds no patient data and is written atomically, owner-only.
 */
final class AuditAnchor implements AutoCloseable {
    /** The file's name in the data directory (and in a backup). */
    static final String FILE = "audit-anchor.properties";
    private static final int FORMAT = 1;

    /** An anchored chain head: the newest row's sequence number and hash, and when it was anchored. */
    record Head(long seq, String hash, Instant at) {
        Head {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(at, "at");
        }
    }

    /** What the file holds: an authentic head, nothing, or something the key does not vouch for. */
    enum Status { OK, MISSING, ALTERED }

    /** The file as read; {@code head} is present exactly when the status is {@code OK}. */
    record Reading(Status status, Optional<Head> head) { }

    private final Path file;
    private final byte[] macKey;

    AuditAnchor(Path file, DataKey key) {
        this.file = Objects.requireNonNull(file, "file");
        this.macKey = AnchorKey.derive(key);
    }

    Path file() {
        return file;
    }

    /** Reads and authenticates the file. */
    Reading read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Reading(Status.MISSING, Optional.empty());
        } catch (IOException e) {
            return new Reading(Status.ALTERED, Optional.empty());
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            if (!Integer.toString(FORMAT).equals(p.getProperty("format"))) {
                return new Reading(Status.ALTERED, Optional.empty());
            }
            Head head = new Head(Long.parseLong(p.getProperty("seq", "").strip()), p.getProperty("hash", "").strip(),
                    Instant.parse(p.getProperty("at", "").strip()));
            byte[] stored = HexFormat.of().parseHex(p.getProperty("mac", "").strip());
            if (!MessageDigest.isEqual(stored, mac(head))) {
                return new Reading(Status.ALTERED, Optional.empty());
            }
            return new Reading(Status.OK, Optional.of(head));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return new Reading(Status.ALTERED, Optional.empty());
        }
    }

    /**
     * Replaces the file with {@code head}, atomically and owner-only: a temporary file, forced to disk, renamed
     * over the anchor. The directory is not forced (SecureFiles.writeAtomically does, at one more fsync per
     * write): if a crash loses the rename, the old anchor is back, which is behind the database, which
     * verification accepts. Forcing the data keeps a renamed anchor from ever being empty or torn.
     */
    void write(Head head) throws IOException {
        Path dir = Objects.requireNonNull(file.toAbsolutePath().getParent(), "the anchor file is inside a folder");
        Path tmp = dir.resolve(FILE + ".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    SecureFiles.ownerOnly(dir))) {
                ByteBuffer buf = ByteBuffer.wrap(format(head));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file's bytes for {@code head}. */
    byte[] format(Head head) {
        String text = "# Outpost audit anchor: the newest audit row when it was anchored, authenticated with a key\n"
                + "# derived from the database key. Do not edit: verify-audit compares it with the database.\n"
                + "format=" + FORMAT + "\nseq=" + head.seq() + "\nhash=" + head.hash() + "\nat=" + head.at()
                + "\nmac=" + HexFormat.of().formatHex(mac(head)) + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] mac(Head head) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            String message = "outpost-audit-anchor-v" + FORMAT + "\n" + head.seq() + "\n" + head.hash() + "\n" + head.at();
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Compares a reading with the database, whose chain has already verified intact: empty when the database
     * holds the anchored row unchanged (it may hold newer rows too: an anchor behind is not yet anchored, not
     * an attack).
     *
     * @param rows    rows checked in the chain walk
     * @param dbSeq   the database's newest audit row
     * @param hashAt  the database's hash of a row, if it has that row
     */
    static Optional<AuditVerification> compare(Reading reading, long rows, long dbSeq, LongFunction<Optional<String>> hashAt) {
        switch (reading.status()) {
            case MISSING:
                return Optional.of(AuditVerification.broken(rows, dbSeq, "the audit anchor (" + FILE + ") is missing "
                        + "from the data directory, so a rolled-back or rewritten log cannot be ruled out"));
            case ALTERED:
                return Optional.of(AuditVerification.broken(rows, dbSeq, "the audit anchor (" + FILE + ") was altered "
                        + "or belongs to another database (its authentication code does not match)"));
            default:
                break;
        }
        Head anchor = reading.head().orElseThrow();
        if (anchor.seq() > dbSeq) {
            return Optional.of(AuditVerification.broken(rows, dbSeq + 1, "rolled back: the database is older than its "
                    + "anchor (anchor seq " + anchor.seq() + " at " + anchor.at() + ", database seq " + dbSeq + ")"));
        }
        if (anchor.seq() > 0 && !hashAt.apply(anchor.seq()).map(anchor.hash()::equals).orElse(false)) {
            return Optional.of(AuditVerification.broken(rows, anchor.seq(), "rewritten since " + anchor.at()
                    + ": audit row " + anchor.seq() + " is not the row anchored then (the log was rewritten, or an "
                    + "older database file was put back and used)"));
        }
        return Optional.empty();
    }

    /** Wipes the MAC key. */
    @Override
    public void close() {
        Arrays.fill(macKey, (byte) 0);
    }
}
