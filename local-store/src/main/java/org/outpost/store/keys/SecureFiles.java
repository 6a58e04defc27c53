package org.outpost.store.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * File operations the store needs to be safe: owner-only permissions where the file system is POSIX,
 * and atomic replacement (temporary file, fsync, atomic rename, directory fsync).
 */
public final class SecureFiles {
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private SecureFiles() {
    }

    /** True when {@code dir}'s file system understands POSIX permissions. */
    public static boolean isPosix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dir} (and parents) if missing, owner-only (rwx------) where POSIX permissions are
     * supported, and says whether it did. An existing directory is left exactly as it is (an IT admin may
     * have prepared it with its own owner and permissions); an existing file that is not a directory is
     * refused, never chmodded.
     *
     * @return true if this call created {@code dir}
     */
    public static boolean createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return false;
        }
        if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new java.nio.file.NotDirectoryException(dir.toString());
        }
        boolean posix = isPosix(dir);
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                Files.setPosixFilePermissions(dir, OWNER_DIR); // the umask may have narrowed the attribute
            } else {
                Files.createDirectory(dir);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new java.nio.file.NotDirectoryException(dir.toString());
            }
            return false; // created concurrently by someone else: theirs, left alone
        }
    }

    /** Makes an existing file owner-only (rw-------) where POSIX permissions are supported. */
    public static void restrictToOwner(Path file) throws IOException {
        if (isPosix(file) && Files.exists(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    /**
     * Replaces {@code target} with {@code content} atomically: readers see the old or the new file,
     * never half of one, even after a crash.
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent(), "the file to write is inside a folder");
        Path tmp = dir.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    ownerOnly(dir))) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** Flushes a directory's entries (renames) to disk where the platform allows it. */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open directories; the rename is still atomic there
        }
    }

    /** Owner-only file creation attributes, or none where POSIX is not supported. */
    public static FileAttribute<?>[] ownerOnly(Path dir) {
        return isPosix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }
}
