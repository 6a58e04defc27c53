package org.outpost.ui.shell;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.outpost.ui.shell.ShortcutHelpViewModel.Command;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.port.Vault;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.NoticeBoard;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.login.LoginView;
import org.outpost.ui.login.LoginViewModel;
import org.outpost.ui.login.SetupView;
import org.outpost.ui.login.SetupViewModel;
import org.outpost.ui.shell.sync.SyncOptions;
import org.outpost.ui.text.UiText;

/**
 * The one window: a gate (first-run setup or sign-in) and, once unlocked, the signed-in shell. Locking
 * (Ctrl+L, the Lock button or the idle timeout) closes the store and lays the sign-in form over the
 * hidden, disabled work. If the same user signs in again the work reappears as it was; if someone else
 * does, the previous session's screens and unsaved input are discarded. Signing out (Ctrl+Shift+Q, the Sign out
 * button) ends the session at once: it is audited, the store is closed and the screens are discarded. F1 lays the
 * shortcuts of the screen on show over the window (F1 or Esc closes them). Sync runs while someone is signed in: it
 * stops before the store is locked (its last send finishing first) and starts again after unlock.
 */
public final class MainWindow {
    private final Vault vault;
    private final Clock clock;
    private final ScreenContext context;
    private final NoticeBoard notices;
    private final Duration idleTimeout;
    private final java.util.concurrent.ScheduledExecutorService timer =
            org.outpost.ui.concurrent.NamedThreads.timer("outpost-ui-timer");

    private final StackPane root = new StackPane();
    private final StackPane workLayer = new StackPane();
    private final StackPane gateLayer = new StackPane();
    private final LoginViewModel loginModel;
    private final LoginView loginView;
    private final ShortcutHelpViewModel help;
    private Scene scene;
    private IdleMonitor idle;
    private ShellView shell;
    private final java.util.function.Supplier<ClinicalContent> content;
    private final SyncOptions syncOptions;

    public MainWindow(Vault vault, Clock clock, ScreenContext context, NoticeBoard notices, Duration idleTimeout) {
        this(vault, clock, context, notices, idleTimeout, ClinicalContent::bundled);
    }

    /**
     * @param content the clinical tables in force; asked for at each sign-in, so it should be loaded already
     *                (it is, in the background, at start)
     */
    public MainWindow(Vault vault, Clock clock, ScreenContext context, NoticeBoard notices, Duration idleTimeout,
                      java.util.function.Supplier<ClinicalContent> content) {
        this(vault, clock, context, notices, idleTimeout, content, SyncOptions.standard());
    }

    /** As above, with how each session's sync runs (the pinned CA file in the data directory, the loop). */
    public MainWindow(Vault vault, Clock clock, ScreenContext context, NoticeBoard notices, Duration idleTimeout,
                      java.util.function.Supplier<ClinicalContent> content, SyncOptions syncOptions) {
        this.syncOptions = Objects.requireNonNull(syncOptions);
        this.content = Objects.requireNonNull(content);
        this.vault = Objects.requireNonNull(vault);
        this.clock = Objects.requireNonNull(clock);
        this.context = Objects.requireNonNull(context);
        this.notices = Objects.requireNonNull(notices);
        this.idleTimeout = Objects.requireNonNull(idleTimeout);
        UiText text = context.text();
        loginModel = new LoginViewModel(vault, context.tasks(), text, this::unlocked, clock);
        loginView = new LoginView(loginModel, text);
        workLayer.setVisible(false);
        // an empty gate must not swallow the clicks meant for the work beneath it
        gateLayer.setPickOnBounds(false);
        gateLayer.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(gateLayer.getChildren()));
        help = ShortcutHelpViewModel.forThisPlatform(text);
        root.getChildren().addAll(workLayer, gateLayer, new ShortcutHelpView(help, text).root(), noticeBar(text));
        root.setId("main-window");
    }

    /**
     * Builds the scene: setup when the data directory has no database yet, else sign-in. Only the gate
     * is built here; the store loads after unlock.
     */
    public Scene createScene(double width, double height) {
        scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("/org/outpost/ui/outpost.css")).toExternalForm());
        // the idle lock and the caret's rest wait on a timer thread, not on JavaFX animations (issue 14 item 7)
        idle = new IdleMonitor(scene, idleTimeout, this::lock, timer);
        new CaretRest(scene, timer);
        installShortcuts(scene);
        if (vault.isInitialized()) {
            showLogin();
        } else {
            SetupViewModel setup = new SetupViewModel(vault, context.tasks(), context.text(), this::unlocked);
            SetupView view = new SetupView(setup, context.text());
            gateLayer.getChildren().setAll(view.root());
            view.focus();
        }
        return scene;
    }

    private void installShortcuts(Scene s) {
        var accelerators = s.getAccelerators();
        accelerators.put(keyOf(Command.LOCK), this::lock);
        accelerators.put(keyOf(Command.SIGN_OUT), this::signOut);
        accelerators.put(keyOf(Command.SEARCH), () -> whenUnlocked(ShellView::showSearch));
        accelerators.put(keyOf(Command.NEW_PATIENT), () -> whenUnlocked(ShellView::newPatient));
        accelerators.put(keyOf(Command.RECORD), () -> whenUnlocked(ShellView::record));
        accelerators.put(keyOf(Command.ORDER), () -> whenUnlocked(ShellView::order));
        // a filter, not an accelerator: a focused control must not keep F1 or Esc from the overlay
        s.addEventFilter(KeyEvent.ANY, e -> {
            boolean pressed = e.getEventType() == KeyEvent.KEY_PRESSED;
            if (pressed && keyOf(Command.HELP).match(e)) {
                toggleHelp();
                e.consume();
                return;
            }
            if (!help.showingProperty().get()) {
                return;
            }
            if (pressed && e.isShortcutDown()) {
                help.close(); // a shortcut acts on the screen beneath, which is shown again
                return;
            }
            if (pressed && e.getCode() == KeyCode.ESCAPE) {
                help.close();
            }
            e.consume(); // the overlay is modal: typing does not reach the form beneath
        });
    }

    /** The key combination that runs a command. */
    static KeyCombination keyOf(Command command) {
        return KeyCombination.keyCombination(command.keys());
    }

    /** F1: the shortcuts of the screen on show, or closes them. */
    public void toggleHelp() {
        if (isUnlocked()) {
            help.toggle(shell.currentScreen(), shell.workspace().mayPrescribe());
        } else {
            help.toggle(vault.isInitialized() ? ShortcutHelpViewModel.LOGIN : ShortcutHelpViewModel.SETUP, false);
        }
    }

    /** The help overlay's state (for tests). */
    public ShortcutHelpViewModel help() {
        return help;
    }

    private void whenUnlocked(java.util.function.Consumer<ShellView> action) {
        if (shell != null && isUnlocked()) {
            action.accept(shell);
        }
    }

    /** True while the signed-in work is on show. */
    public boolean isUnlocked() {
        return workLayer.isVisible() && gateLayer.getChildren().isEmpty();
    }

    /** The signed-in shell, if anyone has signed in in this window. */
    public Optional<ShellView> shell() {
        return Optional.ofNullable(shell);
    }

    public Parent root() {
        return root;
    }

    private void showLogin() {
        gateLayer.getChildren().setAll(loginView.root());
        loginView.focus();
    }

    private void unlocked(Vault.Unlocked unlocked) {
        boolean sameUser = shell != null && shell.workspace().user().username().equals(unlocked.user().username());
        if (sameUser) {
            shell.workspace().resume(unlocked.store());
            shell.resumeSync();
        } else {
            if (shell != null) {
                shell.dispose();
                shell.workspace().lock(); // already locked; discards nothing but the old screens
            }
            Workspace workspace = new Workspace(unlocked.user(), unlocked.store(), clock, content.get(), syncOptions);
            shell = new ShellView(workspace, context, help, this::lock, this::signOut, this::toggleHelp);
            workLayer.getChildren().setAll(shell.root());
        }
        gateLayer.getChildren().clear();
        workLayer.setDisable(false);
        workLayer.setVisible(true);
        loginModel.reset();
        shell.focus();
        idle.start();
        context.trace().mark("unlocked");
        context.trace().markDrawn(root().getScene(), "patients-shown");
    }

    /** Closes the store and covers the work with the sign-in form. Does nothing when already locked. */
    public void lock() {
        if (shell == null || !isUnlocked()) {
            return;
        }
        idle.stop();
        help.close();
        shell.pauseSync();
        Workspace workspace = shell.workspace();
        workLayer.setDisable(true);
        workLayer.setVisible(false);
        loginModel.showLockedBy(workspace.user().username(), workspace.user().displayName());
        showLogin();
        context.tasks().run("lock", () -> {
            workspace.lock();
            return Boolean.TRUE;
        }, done -> { });
    }

    /**
     * Ends the session of whoever is signed in: the sign-out is audited and the store closed in the background, the
     * screens (and any unsaved input) are discarded, and the sign-in form shows, empty, for anyone. Does nothing while
     * locked.
     */
    public void signOut() {
        if (shell == null || !isUnlocked()) {
            return;
        }
        idle.stop();
        help.close();
        ShellView ending = shell;
        shell = null;
        ending.dispose();
        workLayer.getChildren().clear();
        workLayer.setDisable(true);
        workLayer.setVisible(false);
        loginModel.clear();
        showLogin();
        Workspace workspace = ending.workspace();
        context.tasks().run("sign-out", () -> {
            workspace.signOut();
            return Boolean.TRUE;
        }, done -> { });
    }

    private javafx.scene.Node noticeBar(UiText text) {
        Label message = new Label(text.get("error.unexpected"));
        TextField id = new TextField();
        id.setEditable(false);
        id.setId("error-id");
        id.setPrefColumnCount(9);
        Button copy = Labels.button("error-copy", text.get("error.copy"), () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(id.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button dismiss = Labels.button("error-dismiss", text.get("error.dismiss"), notices::dismiss);
        HBox bar = new HBox(8, message, id, copy, dismiss);
        context.logFile().ifPresent(log -> {
            Label where = new Label(text.get("error.logFile", log.toString()));
            where.setId("error-log-file");
            where.setWrapText(true);
            bar.getChildren().add(where);
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("notice-bar");
        bar.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.setId("error-bar");
        StackPane.setAlignment(bar, Pos.BOTTOM_CENTER);
        bar.visibleProperty().bind(notices.currentProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        id.textProperty().bind(notices.currentProperty().map(ErrorNotice::errorId).orElse(""));
        return bar;
    }
}
