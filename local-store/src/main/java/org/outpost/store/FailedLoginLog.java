package org.outpost.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.outpost.store.keys.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins noted while the database is locked. They cannot go into the encrypted audit log (there
 * is no key, and a wrong password must leave the database file untouched), so each is appended here as
 * one plain-text line {@code <instant>\t<user name>} (no passwords, nothing else) and moved into the
 * audit log at the next successful unlock.
 */
final class FailedLoginLog {
    /** Stands in for a typed user name that is not a valid one (it may be a mistyped password). */
    static final String INVALID_NAME = "(invalid user name)";

    private static final Logger LOG = LoggerFactory.getLogger(FailedLoginLog.class);

    /** One failed attempt. */
    record Attempt(Instant at, String username) { }

    /** The attempts read, and how many bytes of the file they came from. */
    record Pending(List<Attempt> attempts, long length) {
        static final Pending NONE = new Pending(List.of(), 0);
    }

    private final Path file;

    FailedLoginLog(Path file) {
        this.file = file;
    }

    /** Appends an attempt; {@code username} is a normalised user name, or null when it was not valid. */
    void record(Instant at, String username) {
        String line = at + "\t" + (username == null ? INVALID_NAME : username) + "\n";
        try (FileChannel ch = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                SecureFiles.ownerOnly(file.getParent()))) {
            ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            LOG.warn("Could not note a failed login in {}: {}", file.getFileName(), e.getClass().getSimpleName());
        }
    }

    /** The attempts noted so far (malformed lines are skipped). */
    Pending read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Pending.NONE;
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}", file.getFileName(), e.getClass().getSimpleName());
            return Pending.NONE;
        }
        List<Attempt> attempts = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            try {
                String name = line.substring(tab + 1).strip();
                attempts.add(new Attempt(Instant.parse(line.substring(0, tab)), name.isEmpty() ? INVALID_NAME : name));
            } catch (DateTimeException e) {
                LOG.warn("Skipped a malformed line in {}", file.getFileName());
            }
        }
        return new Pending(List.copyOf(attempts), bytes.length);
    }

    /** Forgets the attempts of {@code pending} (now in the audit log), keeping any noted since. */
    void consumed(Pending pending) {
        if (pending.length() == 0) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size <= pending.length()) {
                ch.truncate(0);
            } else {
                ByteBuffer tail = ByteBuffer.allocate((int) (size - pending.length()));
                ch.read(tail, pending.length());
                byte[] rest = Arrays.copyOf(tail.array(), tail.position());
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(rest), 0);
            }
            ch.force(true);
        } catch (NoSuchFileException e) {
            // nothing to empty
        } catch (IOException e) {
            LOG.warn("Could not empty {}: {}", file.getFileName(), e.getClass().getSimpleName());
        }
    }
}
