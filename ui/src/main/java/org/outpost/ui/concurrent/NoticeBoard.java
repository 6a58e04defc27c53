package org.outpost.ui.concurrent;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.outpost.app.port.StoreException;
import org.outpost.app.port.WrongCredentialsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ErrorReporter} of the desktop: logs the failure with its id (class and stack only; the
 * store and the use cases keep patient data out of exception messages) and publishes the latest notice
 * for the window to show. Reports from any thread are handed to the UI thread.
 */
public final class NoticeBoard implements ErrorReporter {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeBoard.class);

    private final ReadOnlyObjectWrapper<ErrorNotice> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final Consumer<Runnable> uiThread;

    /** @param uiThread runs an action on the UI thread ({@code Platform::runLater} on the desktop) */
    public NoticeBoard(Consumer<Runnable> uiThread) {
        this.uiThread = Objects.requireNonNull(uiThread);
    }

    @Override
    public ErrorNotice report(Throwable failure) {
        ErrorNotice notice = ErrorNotice.of(failure);
        LOG.error("Unexpected failure {} ({})", notice.errorId(), notice.kind(), redacted(failure));
        uiThread.accept(() -> current.set(notice));
        return notice;
    }

    /**
     * The failure with its stack and causes but without messages, which a library may have filled with
     * the data it was handling. The store's own exceptions promise messages free of patient data and
     * keep them.
     */
    static Throwable redacted(Throwable failure) {
        boolean safe = failure instanceof StoreException || failure instanceof WrongCredentialsException;
        Throwable copy = new Throwable(failure.getClass().getName()
                + (safe ? ": " + failure.getMessage() : " (message withheld)"));
        copy.setStackTrace(failure.getStackTrace());
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            copy.initCause(redacted(cause));
        }
        return copy;
    }

    /** The notice on show, null when none. */
    public ReadOnlyObjectProperty<ErrorNotice> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public void dismiss() {
        current.set(null);
    }
}
