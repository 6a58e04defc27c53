package org.outpost.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.domain.AuditAction;
import org.outpost.app.domain.AuditEvent;
import org.outpost.app.domain.AuditVerification;
import org.outpost.store.jdbc.ChainHead;
import org.outpost.store.jdbc.JdbcAuditLog;
import org.outpost.store.jdbc.Tx;
import org.outpost.store.keys.DataKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open database's use of its {@link AuditAnchor}: decided once at unlock, before the login is appended.
 * When the anchor agrees with the database (or the database was never anchored: an installation from before
 * anchors, anchored now and audited as {@link AuditAction#AUDIT_ANCHORED}) the session moves the anchor after
 * every commit that appended audit rows. When it does not agree (missing after the database was anchored,
 * altered, rolled back, rewritten) the session leaves the file exactly as found, so the evidence survives the
 * login itself and {@code verify-audit} reports it.
 */
final class AuditAnchoring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditAnchoring.class);

    private final AuditAnchor anchor;
    private final Clock clock;
    private final boolean live;

    private AuditAnchoring(AuditAnchor anchor, Clock clock, boolean live) {
        this.anchor = anchor;
        this.clock = clock;
        this.live = live;
    }

    /** For a database this session has just created or restored: the anchor follows it from the start. */
    static AuditAnchoring fresh(DataDirectory files, DataKey key, Clock clock) {
        return new AuditAnchoring(new AuditAnchor(files.auditAnchor(), key), Objects.requireNonNull(clock), true);
    }

    /**
     * At unlock, inside the login's write transaction and before it appends anything: checks the anchor
     * against the database and decides whether this session may move it.
     */
    static AuditAnchoring atUnlock(DataDirectory files, DataKey key, Clock clock, String username, JdbcAuditLog log) {
        AuditAnchor anchor = new AuditAnchor(files.auditAnchor(), key);
        AuditAnchor.Reading reading = anchor.read();
        if (reading.status() == AuditAnchor.Status.MISSING && !log.wasEverAnchored()) {
            log.append(new AuditEvent(clock.instant(), username, AuditAction.AUDIT_ANCHORED, Optional.empty(),
                    "first anchor of this database"));
            return new AuditAnchoring(anchor, clock, true);
        }
        ChainHead head = log.head();
        Optional<AuditVerification> problem = AuditAnchor.compare(reading, 0, head.seq(), log::hashAt);
        if (problem.isPresent()) {
            // no patient data: the reason names sequence numbers and times only
            LOG.warn("The audit anchor does not match the database; it is left as found: {}", problem.get().reason());
            return new AuditAnchoring(anchor, clock, false);
        }
        return new AuditAnchoring(anchor, clock, true);
    }

    /**
     * After a commit: forces the database file to the disk, then anchors the newest row the transaction
     * appended. H2 hands each commit to the operating system ({@code WRITE_DELAY=0}) but does not flush it, so
     * after a power cut the database could end before a row the anchor (which is flushed) already names, and
     * the next sign-in would rightly refuse it as "older than its anchor". Flushing first keeps the anchor
     * never ahead of what is on the disk, and makes the audited change itself survive the power cut. A
     * failure here cannot undo the commit; the anchor stays behind (which verification accepts) and the next
     * commit tries again.
     */
    void afterCommit(Connection committed, Tx tx) {
        if (!live) {
            return;
        }
        Optional<ChainHead> head = tx.appendedHead();
        if (head.isPresent() && flushedToDisk(committed)) {
            anchor(head.get());
        }
    }

    private static boolean flushedToDisk(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The committed change could not be flushed to the disk ({}); the audit anchor stays behind",
                    e.getClass().getSimpleName());
            return false;
        }
    }

    /** Anchors {@code head} now (after a restore, or by {@link #afterCommit}). */
    void anchor(ChainHead head) {
        try {
            anchor.write(new AuditAnchor.Head(head.seq(), head.hash(), clock.instant()));
        } catch (IOException e) {
            LOG.warn("The audit anchor could not be written ({}); it stays behind until the next change",
                    e.getClass().getSimpleName());
        }
    }

    /** The chain walk, then the comparison with the anchor file as it is on disk now. */
    AuditVerification verify(JdbcAuditLog log) {
        AuditVerification chain = log.verify();
        if (!chain.intact()) {
            return chain;
        }
        ChainHead head = log.head();
        return AuditAnchor.compare(anchor.read(), chain.rowsChecked(), head.seq(), log::hashAt).orElse(chain);
    }

    @Override
    public void close() {
        anchor.close();
    }
}
