package org.outpost.store.jdbc;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One read or write call's connection and transaction. Repositories hold a {@code Tx}; once the call
 * returns the {@code Tx} is ended and any repository kept past it fails instead of writing outside a
 * transaction.
 */
public final class Tx {
    private final Connection connection;
    private final Clock clock;
    private final boolean writable;
    private final RowSeal seal;
    private volatile boolean active = true;
    /** Set and read as one value: the sequence number and hash always belong to the same audit row. */
    private volatile ChainHead appended;
    /**
     * Patients whose outbox entry this transaction has already dealt with ({@link JdbcOutbox}): raised, or found
     * without consent. Once is enough per transaction.
     */
    private final java.util.Set<java.util.UUID> outboxHandled = new java.util.HashSet<>();

    /**
     * A scope that neither seals nor checks row MACs ({@link RowSeal#unchecked()}): for reading without the
     * data key (migration tests). The store always passes a seal.
     */
    public Tx(Connection connection, Clock clock, boolean writable) {
        this(connection, clock, writable, RowSeal.unchecked());
    }

    /** A transaction scope over {@code connection}; {@code writable} is false for {@code Store.read}. */
    public Tx(Connection connection, Clock clock, boolean writable, RowSeal seal) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writable = writable;
        this.seal = Objects.requireNonNull(seal, "seal");
    }

    /** Seals written rows and checks read ones. */
    public RowSeal seal() {
        return seal;
    }

    /** The connection, while the call is running. */
    public Connection connection() {
        if (!active) {
            throw new IllegalStateException("Repositories may only be used inside the read or write call that gave them");
        }
        return connection;
    }

    /** Fails unless this is a write call. */
    public void requireWritable() {
        connection();
        if (!writable) {
            throw new IllegalStateException("Changes must go through Store.write, not Store.read");
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** Notes the newest audit row this transaction appended, so the store can anchor it after the commit. */
    void auditAppended(long seq, String hash) {
        appended = new ChainHead(seq, hash);
    }

    /** The newest audit row appended in this transaction, if any (readable after {@link #end}). */
    public Optional<ChainHead> appendedHead() {
        return Optional.ofNullable(appended);
    }

    /** Whether this transaction has already raised the patient's outbox entry, or found them without consent. */
    boolean outboxHandled(java.util.UUID patient) {
        return outboxHandled.contains(patient);
    }

    /** Notes that this transaction raised the patient's outbox entry, or found them without consent. */
    void outboxHandle(java.util.UUID patient) {
        outboxHandled.add(patient);
    }

    /** Forgets what this transaction did for the patient (entry dropped or sent, or consent may have changed). */
    void outboxForget(java.util.UUID patient) {
        outboxHandled.remove(patient);
    }

    /** Forgets every patient (after one statement raised them all). */
    void outboxForgetAll() {
        outboxHandled.clear();
    }

    /** Ends the scope; later use fails. */
    public void end() {
        active = false;
    }
}
