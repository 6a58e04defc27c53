package org.outpost.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.User;
import org.outpost.app.port.TooManyAttemptsException;
import org.outpost.store.keys.SecureFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins while the database is locked, and the throttle they feed. They cannot go into the
 * encrypted audit log (there is no key, and a wrong password must leave the database file untouched), so
 * each is appended to {@code failed-logins.log} as one line
 * {@code <seq>\t<instant>\t<user name or "unknown user">\t<wrong|refused>\t<MAC>} and moved into the audit
 * log at the next successful unlock ({@link #take}), which also checks that the record continues the chain
 * the database expects ({@link RecordKeys}; the anchor is the last {@link AuditAction#FAILED_LOGINS_MOVED}
 * row). A name with no key slot is written as {@value #UNKNOWN_USER}, never as typed: it may be a password
 * typed into the wrong field.
 *
 * <p>Nothing here may block a sign-in: an unreadable line is skipped and counted, an unreadable throttle
 * file counts as no failures, an I/O failure is logged (without names) and ignored.
 */
final class FailedLoginLog {
    /** Written instead of a typed name that is not an account (it could be a password). */
    static final String UNKNOWN_USER = "unknown user";
    /** Lines kept at most; later failures are only counted (so a flood of refused attempts cannot fill the disk). */
    static final int MAX_LINES = 1_000;
    /** The audit text that says the record does not continue the expected chain. */
    static final String EDITED = "failed-login record edited or truncated";

    private static final Logger LOG = LoggerFactory.getLogger(FailedLoginLog.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern ANCHOR = Pattern.compile("chain ([0-9a-f]{32})$");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_READ = 4 << 20;

    /** How an attempt ended. */
    enum Outcome {
        /** The password was checked and was wrong (or the name has no account). */
        WRONG("wrong"),
        /** Refused unchecked during a throttle delay. */
        REFUSED("refused");

        final String code;

        Outcome(String code) {
            this.code = code;
        }

        static Optional<Outcome> of(String code) {
            for (Outcome o : values()) {
                if (o.code.equals(code)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }
    }

    private final Path file;
    private final Path stateFile;
    private final SecureRandom random;

    FailedLoginLog(Path file, Path stateFile, SecureRandom random) {
        this.file = file;
        this.stateFile = stateFile;
        this.random = random;
    }

    /** The folder the log lives in (its permissions are those of new files there). */
    private Path folder() {
        return Objects.requireNonNull(file.toAbsolutePath().getParent(), "the log is a file inside a folder");
    }

    /**
     * Refuses, without any password work, an attempt for {@code name} (normalised, or null when not a valid
     * name) while its user name or this workstation is in a delay; the refusal is recorded.
     */
    void requireNoDelay(String name, boolean known, Instant now) throws TooManyAttemptsException {
        LoginGuardState state = LoginGuardState.read(stateFile, random);
        Duration user = ThrottlePolicy.PER_USER.remaining(state.bucket(state.bucketOf(name)), now);
        Duration machine = ThrottlePolicy.PER_MACHINE.remaining(state.bucket(LoginGuardState.MACHINE), now);
        Duration wait = user.compareTo(machine) >= 0 ? user : machine;
        if (!wait.isZero()) {
            note(now, name, known, Outcome.REFUSED);
            TooManyAttemptsException refusal = new TooManyAttemptsException(wait);
            LOG.info("Sign-in refused for {} s after repeated failures", refusal.seconds());
            throw refusal;
        }
    }

    /** Notes a failed attempt: counts it for the throttle and appends it to the record. */
    void failed(Instant at, String name, boolean known) {
        note(at, name, known, Outcome.WRONG);
    }

    private synchronized void note(Instant at, String name, boolean known, Outcome outcome) {
        String recorded = known && name != null ? name : UNKNOWN_USER;
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), SecureFiles.ownerOnly(folder()));
             FileLock lock = ch.lock()) {
            LoginGuardState state = pruned(LoginGuardState.read(stateFile, random), at);
            if (outcome == Outcome.WRONG) {
                String id = state.bucketOf(name);
                state = state.withBucket(id, ThrottlePolicy.PER_USER.afterFailure(state.bucket(id), at))
                        .withBucket(LoginGuardState.MACHINE, ThrottlePolicy.PER_MACHINE.afterFailure(
                                state.bucket(LoginGuardState.MACHINE), at));
            }
            LoginGuardState.Chain chain = state.chain().orElseGet(this::unanchored);
            if (chain.seq() >= MAX_LINES) {
                chain = new LoginGuardState.Chain(chain.epoch(), chain.key(), chain.seq(), chain.unrecorded() + 1);
            } else {
                long seq = chain.seq() + 1;
                byte[] key = HEX.parseHex(chain.key());
                String body = seq + "\t" + at + "\t" + recorded + "\t" + outcome.code;
                ByteBuffer buf = ByteBuffer.wrap((body + "\t" + RecordKeys.mac(key, body) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                long pos = ch.size();
                while (buf.hasRemaining()) {
                    pos += ch.write(buf, pos);
                }
                ch.force(false);
                chain = new LoginGuardState.Chain(chain.epoch(), HEX.formatHex(RecordKeys.next(key)), seq,
                        chain.unrecorded());
            }
            SecureFiles.writeAtomically(stateFile, state.withChain(chain).format());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not note a failed sign-in in {}: {}", file.getFileName(), e.getClass().getSimpleName());
        }
    }

    /** A chain started without a known anchor (the state file was missing): the next unlock reports it. */
    private LoginGuardState.Chain unanchored() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new LoginGuardState.Chain("none", HEX.formatHex(key), 0, 0);
    }

    private static LoginGuardState pruned(LoginGuardState state, Instant now) {
        LoginGuardState out = state;
        for (var e : state.buckets().entrySet()) {
            ThrottlePolicy policy = e.getKey().equals(LoginGuardState.MACHINE) ? ThrottlePolicy.PER_MACHINE
                    : ThrottlePolicy.PER_USER;
            if (policy.isForgotten(e.getValue(), now)) {
                out = out.withBucket(e.getKey(), null);
            }
        }
        return out;
    }

    /** A random epoch for a new chain. */
    String newEpoch() {
        byte[] epoch = new byte[16];
        random.nextBytes(epoch);
        return HEX.formatHex(epoch);
    }

    /**
     * A new database's first chain: its epoch (anchored in the DATABASE_CREATED row by {@link NewChain#anchorDetail})
     * and first key.
     */
    record NewChain(String epoch, String firstKey) {
        String anchorDetail() {
            return "failed-login record: chain " + epoch;
        }
    }

    /** A first chain for the database on {@code c} (read for its site secret). */
    NewChain newChain(Connection c) throws SQLException {
        String epoch = newEpoch();
        return new NewChain(epoch, HEX.formatHex(RecordKeys.first(siteSecret(c), epoch)));
    }

    /**
     * Starts the record of a new database once it is in place: empties any record left in the directory and
     * forgets old counters.
     */
    void startChain(NewChain chain) {
        try (FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                SecureFiles.ownerOnly(folder()));
             FileLock lock = ch.lock()) {
            ch.truncate(0);
            ch.force(true);
            LoginGuardState fresh = LoginGuardState.fresh(random).withChain(new LoginGuardState.Chain(chain.epoch(),
                    chain.firstKey(), 0, 0));
            SecureFiles.writeAtomically(stateFile, fresh.format());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not start {}: {}", file.getFileName(), e.getClass().getSimpleName());
        }
    }

    /**
     * Reads and checks the record against the database's anchor (on {@code c}, the unlocking connection),
     * holding the record's lock until the batch is closed. Append {@link Batch#events()} in the unlock's
     * transaction, commit, then call {@link Batch#consumed}.
     */
    Batch take(Connection c) {
        FileChannel ch = null;
        try {
            byte[] secret = siteSecret(c);
            Anchor anchor = anchor(c);
            ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), SecureFiles.ownerOnly(folder()));
            FileLock lock = ch.lock();
            long size = ch.size();
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size, MAX_READ));
            while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
                // read on
            }
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            LoginGuardState state = LoginGuardState.read(stateFile, random);
            Check check = check(text, size > MAX_READ, state, secret, anchor.epoch(), anchor.afterRestore());
            return new Batch(ch, lock, state, check, newEpoch(), secret);
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("Could not read {}: {}; it stays for the next sign-in", file.getFileName(),
                    e.getClass().getSimpleName());
            closeQuietly(ch);
            return new Batch(null, null, null, null, null, null);
        }
    }

    private static byte[] siteSecret(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM site_secret WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no site secret");
            }
            return rs.getBytes(1);
        }
    }

    /**
     * Where the record's chain starts, from the newest {@code FAILED_LOGINS_MOVED}, {@code DATABASE_CREATED}
     * or {@code DATABASE_RESTORED} audit row.
     *
     * @param epoch         the anchored epoch; empty for a database created before the record was chained,
     *                      or just restored from a backup (the record then belongs to the replaced database)
     * @param afterRestore  true when the newest of those rows is a restore
     */
    private record Anchor(Optional<String> epoch, boolean afterRestore) { }

    /**
     * The newest row that started or moved the record's chain. Read at every sign-in: it must stay an index
     * lookup (V17's audit_log_action), not a walk back through the whole log.
     */
    static final String ANCHOR_QUERY =
            "SELECT action, detail FROM audit_log WHERE action IN (?, ?, ?) ORDER BY seq DESC LIMIT 1";

    static void bindAnchorActions(PreparedStatement ps) throws SQLException {
        ps.setString(1, AuditAction.FAILED_LOGINS_MOVED.name());
        ps.setString(2, AuditAction.DATABASE_CREATED.name());
        ps.setString(3, AuditAction.DATABASE_RESTORED.name());
    }

    private static Anchor anchor(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ANCHOR_QUERY)) {
            bindAnchorActions(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Anchor(Optional.empty(), false);
                }
                if (AuditAction.DATABASE_RESTORED.name().equals(rs.getString(1))) {
                    return new Anchor(Optional.empty(), true);
                }
                Matcher m = ANCHOR.matcher(rs.getString(2));
                return new Anchor(m.find() ? Optional.of(m.group(1)) : Optional.empty(), false);
            }
        }
    }

    /** One readable line of the record. */
    private record Attempt(Instant at, String username, Outcome outcome, boolean verified) { }

    /** What the record held and whether it continues the chain. */
    private record Check(List<Attempt> attempts, int unreadable, boolean anchored, boolean afterRestore, boolean intact,
                         long unrecorded) {
        /** True when there is something for the audit log: otherwise the chain simply goes on. */
        boolean news() {
            return !anchored || !intact || !attempts.isEmpty() || unreadable > 0 || unrecorded > 0;
        }
    }

    private static Check check(String text, boolean cut, LoginGuardState state, byte[] secret, Optional<String> anchor,
                               boolean afterRestore) {
        Optional<LoginGuardState.Chain> chain = state.chain();
        boolean anchored = anchor.isPresent();
        boolean intact = !cut && (!anchored || chain.map(ch -> ch.epoch().equals(anchor.get())).orElse(false));
        byte[] key = anchored ? RecordKeys.first(secret, anchor.get()) : null;
        long expect = 1;
        int unreadable = cut ? 1 : 0;
        List<Attempt> attempts = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Optional<Instant> at = f.length >= 2 ? instant(f[f.length == 5 ? 1 : 0]) : Optional.empty();
            if (f.length == 2 && at.isPresent() && validName(f[1])) {
                // a line written by an earlier version: kept, but it cannot be checked
                attempts.add(new Attempt(at.get(), f[1], Outcome.WRONG, false));
                intact = false;
                continue;
            }
            Optional<Outcome> outcome = f.length == 5 ? Outcome.of(f[3]) : Optional.empty();
            long seq = f.length == 5 ? number(f[0]) : -1;
            if (at.isEmpty() || outcome.isEmpty() || seq < 1 || seq > MAX_LINES || !validName(f[2])
                    || !HEX64.matcher(f[4]).matches()) {
                unreadable++;
                intact = false;
                continue;
            }
            boolean verified = false;
            if (anchored) {
                if (seq < expect) {
                    intact = false; // a repeated or reordered line
                } else {
                    for (; expect < seq; expect++) {
                        key = RecordKeys.next(key);
                        intact = false; // lines missing before this one
                    }
                    verified = RecordKeys.same(RecordKeys.mac(key, f[0] + "\t" + f[1] + "\t" + f[2] + "\t" + f[3]), f[4]);
                    intact &= verified;
                    key = RecordKeys.next(key);
                    expect++;
                }
            }
            attempts.add(new Attempt(at.get(), f[2], outcome.get(), verified));
        }
        if (anchored && chain.isPresent()) {
            intact &= chain.get().seq() == expect - 1 && RecordKeys.same(chain.get().key(), HEX.formatHex(key));
        }
        if (attempts.size() > MAX_LINES) {
            unreadable += attempts.size() - MAX_LINES;
            attempts = attempts.subList(0, MAX_LINES);
        }
        return new Check(List.copyOf(attempts), unreadable, anchored, afterRestore, intact,
                chain.map(LoginGuardState.Chain::unrecorded).orElse(0L));
    }

    private static boolean validName(String name) {
        if (UNKNOWN_USER.equals(name)) {
            return true;
        }
        try {
            return User.normaliseUsername(name).equals(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.length() > 40 ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static long number(String text) {
        try {
            return text.length() > 12 ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                LOG.debug("Close failed: {}", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * The record as read at an unlock, locked until closed. When it could not be read, it has no events and
     * {@link #consumed} does nothing: the record stays for the next sign-in.
     */
    final class Batch implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private final LoginGuardState state;
        private final Check check;
        private final String nextEpoch;
        private final byte[] secret;

        private Batch(FileChannel channel, FileLock lock, LoginGuardState state, Check check, String nextEpoch,
                      byte[] secret) {
            this.channel = channel;
            this.lock = lock;
            this.state = state;
            this.check = check;
            this.nextEpoch = nextEpoch;
            this.secret = secret;
        }

        /**
         * LOGIN_FAILED for each readable line, then one FAILED_LOGINS_MOVED with the counts, the finding and
         * the new chain's anchor; nothing when the record is empty and intact (the chain goes on).
         */
        List<AuditEvent> events(Instant now, String name) {
            if (check == null || !check.news()) {
                return List.of();
            }
            List<AuditEvent> events = new ArrayList<>();
            for (Attempt a : check.attempts()) {
                String detail = "while locked"
                        + (a.outcome() == Outcome.REFUSED ? "; refused: too many failed attempts" : "")
                        + (check.anchored() && !a.verified() ? "; not verified" : "");
                events.add(new AuditEvent(a.at(), a.username(), AuditAction.LOGIN_FAILED, Optional.empty(), detail));
            }
            int n = check.attempts().size();
            StringBuilder summary = new StringBuilder()
                    .append(n).append(n == 1 ? " failed attempt moved" : " failed attempts moved");
            if (check.unrecorded() > 0) {
                summary.append("; ").append(check.unrecorded()).append(" more counted but not listed (record full)");
            }
            if (check.unreadable() > 0) {
                summary.append("; ").append(check.unreadable()).append(check.unreadable() == 1 ? " unreadable line"
                        : " unreadable lines").append(" in the failed-login record");
            }
            if (check.afterRestore()) {
                summary.append("; the record was kept across a restore and cannot be checked");
            } else if (!check.anchored()) {
                summary.append("; no earlier chain to check the record against");
            } else if (check.intact()) {
                summary.append("; record intact");
            } else {
                summary.append("; ").append(EDITED);
            }
            summary.append("; chain ").append(nextEpoch);
            events.add(new AuditEvent(now, name, AuditAction.FAILED_LOGINS_MOVED, Optional.empty(),
                    summary.toString()));
            return events;
        }

        /** True when the record was edited, truncated or deleted since the last unlock. */
        boolean tampered() {
            return check != null && check.anchored() && !check.intact();
        }

        /**
         * After the commit: empties the record and starts the new chain; clears {@code name}'s delay (a
         * success). A failure here leaves the record as it was, so the next unlock reports the mismatch.
         */
        void consumed(String name) {
            if (check == null) {
                return;
            }
            try {
                String bucket = state.bucketOf(name);
                if (!check.news()) {
                    if (state.bucket(bucket) != null) {
                        SecureFiles.writeAtomically(stateFile, state.withBucket(bucket, null).format());
                    }
                    return;
                }
                LoginGuardState next = state.withBucket(bucket, null).withChain(new LoginGuardState.Chain(
                        nextEpoch, HEX.formatHex(RecordKeys.first(secret, nextEpoch)), 0, 0));
                channel.truncate(0);
                channel.force(true);
                SecureFiles.writeAtomically(stateFile, next.format());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not empty {}: {}", file.getFileName(), e.getClass().getSimpleName());
            }
        }

        @Override
        public void close() {
            try {
                if (lock != null && lock.isValid()) {
                    lock.release();
                }
            } catch (IOException e) {
                LOG.debug("Release failed: {}", e.getClass().getSimpleName());
            }
            closeQuietly(channel);
        }
    }
}
