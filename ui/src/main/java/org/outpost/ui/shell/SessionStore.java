package org.outpost.ui.shell;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.outpost.app.domain.AuditVerification;
import org.outpost.app.port.Accounts;
import org.outpost.app.port.Repositories;
import org.outpost.app.port.Store;

/**
 * The store as a logged-in session sees it across locks. Locking closes the real store (its keys are
 * forgotten); unlocking again as the same user hands in the freshly opened one, so the use cases and
 * screens built for the session keep working without being rebuilt. While locked every call fails.
 */
public final class SessionStore implements Store {
    private volatile Store delegate;

    public SessionStore(Store opened) {
        this.delegate = Objects.requireNonNull(opened);
    }

    /** Closes the real store. Idempotent. */
    public void lock() {
        Store current = delegate;
        delegate = null;
        if (current != null) {
            current.close();
        }
    }

    /** Takes the store opened by the same user after a lock. */
    public void resume(Store reopened) {
        Store old = delegate;
        delegate = Objects.requireNonNull(reopened);
        if (old != null && old != reopened) {
            old.close();
        }
    }

    public boolean isLocked() {
        return delegate == null;
    }

    private Store open() {
        Store current = delegate;
        if (current == null) {
            throw new IllegalStateException("The workstation is locked");
        }
        return current;
    }

    @Override
    public <T> T read(Function<Repositories, T> work) {
        return open().read(work);
    }

    @Override
    public <T> T write(Function<Repositories, T> work) {
        return open().write(work);
    }

    @Override
    public Accounts accounts() {
        return open().accounts();
    }

    @Override
    public AuditVerification verifyAudit() {
        return open().verifyAudit();
    }

    @Override
    public void backupTo(Path target) {
        open().backupTo(target);
    }

    @Override
    public org.outpost.app.domain.IntegrityReport verifyIntegrity() {
        return open().verifyIntegrity();
    }

    @Override
    public void close() {
        lock();
    }
}
