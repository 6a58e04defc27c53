package org.outpost.ui.shell.sync;

import java.time.Duration;
import javafx.css.PseudoClass;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The sync indicator in the shell's toolbar: a spinner while sending, the line in words, and "Sync now". Only binds
 * and lays out, and re-reads the counts on a modest timer while it is shown; {@link SyncIndicatorViewModel} holds
 * the state.
 */
public final class SyncIndicatorView {
    private final HBox root;
    private final java.util.concurrent.ScheduledExecutorService timer;

    /** @param refreshEvery how often the counts are read again between sync events */
    public SyncIndicatorView(SyncIndicatorViewModel model, UiText text, Duration refreshEvery) {
        ProgressIndicator spinner = org.outpost.ui.controls.Spinners.whileBusy(model.sendingProperty(), 16);
        spinner.setId("shell-sync-progress");
        spinner.getStyleClass().add("sync-progress");
        spinner.managedProperty().bind(spinner.visibleProperty());

        Label status = new Label();
        status.setId("shell-sync");
        status.getStyleClass().add("sync-status");
        status.textProperty().bind(model.statusProperty());
        status.setMaxWidth(520);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        tip.textProperty().bind(model.statusProperty().concat(
                model.detailProperty().map(d -> d.isEmpty() ? "" : "\n" + d)));
        status.setTooltip(tip);
        model.toneProperty().addListener((o, a, b) -> tone(status, b));
        tone(status, model.toneProperty().get());

        Button now = Labels.button("shell-sync-now", text.get("shell.sync.now"), model::syncNow);
        now.disableProperty().bind(model.canSyncNowProperty().not());
        now.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        root = new HBox(6, spinner, status, now);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("shell-sync-pane");

        // a timer thread, not a Timeline: a running Timeline keeps JavaFX pulsing 60 times a second (issue 14 item 7)
        timer = org.outpost.ui.concurrent.NamedThreads.timer("outpost-sync-indicator");
        long every = refreshEvery.toMillis();
        timer.scheduleAtFixedRate(() -> Platform.runLater(model::refresh), every, every,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static void tone(Label status, SyncIndicatorViewModel.Tone tone) {
        for (SyncIndicatorViewModel.Tone t : SyncIndicatorViewModel.Tone.values()) {
            status.pseudoClassStateChanged(PseudoClass.getPseudoClass(t.name().toLowerCase(java.util.Locale.ROOT)),
                    t == tone);
        }
    }

    public Node root() {
        return root;
    }

    /** Stops the timer (the session's shell is discarded). */
    public void dispose() {
        timer.shutdownNow();
    }
}
