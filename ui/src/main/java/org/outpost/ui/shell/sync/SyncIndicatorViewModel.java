package org.outpost.ui.shell.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.outpost.sync.transport.SendResult;
import org.outpost.sync.transport.SyncListener;
import org.outpost.sync.transport.SyncProgress;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The shell's sync indicator: what sync is doing, in words, and "Sync now".
 *
 * <p>It shows, in this order of precedence: sync not set up; sync that cannot start (e.g. an unreadable CA file);
 * sending, with how many the server confirmed so far; a problem the settings must fix (an untrusted certificate);
 * offline (the server cannot be reached: nothing reached it), with how many wait and when sync tries again; a send
 * the server did not confirm (a timeout, a broken connection, a server error: it may or may not have stored it),
 * in the transport's words; the server's refusal of a summary, in the server's words; how many wait; and only when
 * nothing waits, "up to date" with the time the server last confirmed. A timeout is therefore never shown as
 * success: the summary stays in the outbox until a later send is confirmed. Summaries the k-anonymity check held
 * back are counted apart.
 *
 * <p>Loop events arrive on the sync thread and are handed to {@code fx} (the FX thread on the desktop; tests pass
 * their own); the outbox counts are read through the {@link TaskRunner} after each event and whenever
 * {@link #refresh()} is called (the view calls it on a timer). Starting and stopping the loop run as tasks too.
 */
public final class SyncIndicatorViewModel {
    /** The indicator's overall tone, for its style. */
    public enum Tone {
        /** Not set up, starting, paused. */
        NEUTRAL,
        /** Up to date, or waiting for the next pass. */
        OK,
        /** Sending. */
        BUSY,
        /** Offline or not confirmed: it will try again by itself. */
        WARNING,
        /** Refused, or the settings must change: a person has to act. */
        PROBLEM
    }

    private enum Phase { STARTING, NOT_CONFIGURED, FAILED, RUNNING, PAUSED }

    private final SessionSync sync;
    private final TaskRunner tasks;
    private final Executor fx;
    private final UiText text;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final DateTimeFormatter dayAndTime;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyBooleanWrapper canSyncNow = new ReadOnlyBooleanWrapper(this, "canSyncNow");
    private final ReadOnlyObjectWrapper<Tone> tone = new ReadOnlyObjectWrapper<>(this, "tone", Tone.NEUTRAL);

    private Phase phase = Phase.STARTING;
    private String failure = "";
    /** Bumped at every start and pause: events and counts from an earlier loop are dropped. */
    private int generation;
    private SyncProgress last;
    private SyncStatus counts;
    private boolean requested;

    /**
     * @param sync  the session's sync
     * @param tasks runs the blocking calls (start, counts) off the FX thread
     * @param fx    where loop events are handed over to (the FX thread)
     * @param clock for the times shown (its zone)
     */
    public SyncIndicatorViewModel(SessionSync sync, TaskRunner tasks, Executor fx, UiText text, Clock clock) {
        this.sync = Objects.requireNonNull(sync);
        this.tasks = Objects.requireNonNull(tasks);
        this.fx = Objects.requireNonNull(fx);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        this.time = DateTimeFormatter.ofPattern("HH:mm", text.locale());
        this.dayAndTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", text.locale());
        render();
    }

    /** Opens and starts the session's sync loop in the background (at sign-in and after unlock). */
    public void start() {
        int g = ++generation;
        phase = Phase.STARTING;
        last = null;
        requested = false;
        render();
        SyncListener listener = progress -> {
            try {
                fx.execute(() -> onProgress(g, progress));
            } catch (IllegalStateException e) {
                // the FX toolkit has gone (the app is closing): nobody is left to show it to
            }
        };
        tasks.run("sync-start", () -> sync.start(listener), result -> {
            if (g != generation) {
                return;
            }
            switch (result) {
                case SessionSync.Start.NotConfigured n -> phase = Phase.NOT_CONFIGURED;
                case SessionSync.Start.Started s -> phase = Phase.RUNNING;
                case SessionSync.Start.Failed f -> {
                    phase = Phase.FAILED;
                    failure = f.why();
                }
            }
            render();
            refresh();
        }, problem -> {
            if (g != generation) {
                return;
            }
            phase = Phase.FAILED;
            failure = text.get("shell.sync.unexpected", tasks.reporter().report(problem).errorId());
            render();
        });
    }

    /**
     * The workstation is being locked: the indicator stops listening (the workspace closes the loop before the
     * store). {@link #start()} resumes after unlock.
     */
    public void pause() {
        generation++;
        phase = Phase.PAUSED;
        requested = false;
        render();
    }

    /**
     * "Sync now": the loop passes at once, cutting a rest or a backoff short. Sync that could not start is started
     * again (e.g. after the CA file was fixed). Does nothing when sync is not set up.
     */
    public void syncNow() {
        switch (phase) {
            case RUNNING -> {
                if (sync.requestSync()) {
                    requested = true;
                    render();
                }
            }
            case FAILED -> start();
            default -> {
            }
        }
    }

    /** Reads the outbox counts again in the background. */
    public void refresh() {
        if (phase == Phase.PAUSED || phase == Phase.STARTING) {
            return;
        }
        int g = generation;
        tasks.run("sync-status", sync::status, s -> {
            if (g == generation) {
                counts = s;
                render();
            }
        }, problem -> {
            if (g == generation) {
                tasks.reporter().report(problem);
            } // else: locked meanwhile, the store is closed; nothing to show
        });
    }

    private void onProgress(int g, SyncProgress progress) {
        if (g != generation || progress.state() == SyncProgress.State.STOPPED) {
            return;
        }
        last = progress;
        if (progress.state() != SyncProgress.State.SENDING) {
            requested = false; // the pass "Sync now" asked for has ended
        }
        render();
        refresh();
    }

    private void render() {
        boolean isSending = phase == Phase.RUNNING
                && (requested || last != null && last.state() == SyncProgress.State.SENDING);
        sending.set(isSending);
        canSyncNow.set((phase == Phase.RUNNING && !isSending) || phase == Phase.FAILED);
        detail.set("");
        switch (phase) {
            case STARTING -> show(Tone.NEUTRAL, text.get("shell.sync.starting"));
            case NOT_CONFIGURED -> show(Tone.NEUTRAL, text.get("shell.sync.notSetUp"));
            case PAUSED -> show(Tone.NEUTRAL, text.get("shell.sync.paused"));
            case FAILED -> show(Tone.PROBLEM, text.get("shell.sync.cannotStart", failure));
            case RUNNING -> renderRunning(isSending);
        }
    }

    private void renderRunning(boolean isSending) {
        long waiting = counts == null ? 0 : counts.pending();
        String line;
        Tone t;
        if (isSending) {
            int sent = last != null && last.state() == SyncProgress.State.SENDING ? last.confirmed() : 0;
            line = sent == 0 ? text.get("shell.sync.sending") : text.get("shell.sync.sendingCount", sent);
            t = Tone.BUSY;
        } else if (last != null && last.state() == SyncProgress.State.NEEDS_SETTINGS) {
            line = text.get("shell.sync.needsSettings", last.problem().orElse(""));
            t = Tone.PROBLEM;
        } else if (last != null && last.state() == SyncProgress.State.BACKING_OFF) {
            String next = last.nextAttempt().map(this::when).orElse("?");
            if (last.cause().filter(c -> c == SendResult.Reason.UNREACHABLE).isPresent()) {
                line = text.get("shell.sync.offline", waiting, next);
            } else {
                line = text.get("shell.sync.notConfirmed", last.problem().orElse(""), next);
            }
            t = Tone.WARNING;
        } else if (counts != null && counts.refused() > 0) {
            line = text.get("shell.sync.refused", counts.refused(), counts.refusal().orElse(""));
            t = Tone.PROBLEM;
        } else if (counts == null) {
            line = text.get("shell.sync.started");
            t = Tone.NEUTRAL;
        } else if (waiting > 0) {
            line = counts.lastConfirmed().map(at -> text.get("shell.sync.waitingSince", waiting, when(at)))
                    .orElseGet(() -> text.get("shell.sync.waiting", waiting));
            t = Tone.OK;
        } else {
            line = counts.lastConfirmed().map(at -> text.get("shell.sync.upToDate", when(at)))
                    .orElseGet(() -> text.get("shell.sync.nothingSent"));
            t = Tone.OK;
        }
        if (counts != null && counts.heldBack() > 0) {
            line = text.get("shell.sync.withHeldBack", line, counts.heldBack());
        }
        show(t, line);
        if (counts != null) {
            counts.lastError().ifPresent(e -> detail.set(text.get("shell.sync.lastError", when(e.at()), e.message())));
        }
    }

    private void show(Tone t, String line) {
        tone.set(t);
        status.set(line);
    }

    /** "10:42" today, else "2026-03-01 10:42", in the clinic's zone. */
    private String when(Instant at) {
        ZonedDateTime z = at.atZone(clock.getZone());
        return z.toLocalDate().equals(LocalDate.now(clock)) ? time.format(z) : dayAndTime.format(z);
    }

    /** The indicator's line: "Up to date · last confirmed 10:41", "Offline — 3 waiting, next try 10:42", … */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** More detail for a tooltip: the newest sending error still standing, and when; empty when there is none. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** True while a pass sends (or "Sync now" was pressed and its pass has not ended). */
    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Whether "Sync now" does something: sync runs and is not sending, or it failed to start and may retry. */
    public ReadOnlyBooleanProperty canSyncNowProperty() {
        return canSyncNow.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone.getReadOnlyProperty();
    }

    /** Whether the loop was started (for tests and the shell). */
    public boolean isRunning() {
        return phase == Phase.RUNNING;
    }
}
