package org.outpost.ui.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.outpost.app.port.Vault;
import org.outpost.ui.AppOptions;
import org.outpost.ui.OutpostApp;
import org.outpost.ui.concurrent.FxTaskRunner;
import org.outpost.ui.concurrent.NamedThreads;
import org.outpost.ui.concurrent.NoticeBoard;
import org.outpost.ui.shell.MainWindow;
import org.outpost.ui.shell.ShellView;
import org.outpost.ui.shell.sync.SyncOptions;
import org.outpost.app.catalog.ClinicalContent;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window on a TestFX stage, wired as {@link OutpostApp} wires it but with the test's vault,
 * clock and idle timeout, and a real background thread for the store.
 */
public final class Desktop {
    private final ExecutorService storeThread;
    private final NoticeBoard notices;
    private final MainWindow window;

    private Desktop(Vault vault, Clock clock, Duration idleLock, SyncOptions sync) {
        notices = new NoticeBoard(Platform::runLater);
        storeThread = NamedThreads.single("test-store", notices);
        window = OutpostApp.compose(vault, clock, new AppOptions(Optional.empty(), idleLock, Locale.ENGLISH),
                notices, new FxTaskRunner(storeThread, notices), ClinicalContent::bundled, Optional.empty(), sync);
    }

    /** Call from a TestFX {@code @Start} method (on the FX thread). */
    public static Desktop show(Stage stage, Vault vault, Clock clock, Duration idleLock) {
        return show(stage, vault, clock, idleLock, SyncOptions.standard());
    }

    /** As above, with how sync runs (journeys that sync shorten the loop and the read timeout). */
    public static Desktop show(Stage stage, Vault vault, Clock clock, Duration idleLock, SyncOptions sync) {
        return show(stage, vault, clock, idleLock, sync, 1180, 780);
    }

    /** As above, with the scene's size (the screen-size tests open small windows). */
    public static Desktop show(Stage stage, Vault vault, Clock clock, Duration idleLock, SyncOptions sync,
                               double width, double height) {
        Desktop d = new Desktop(vault, clock, idleLock, sync);
        stage.setScene(d.window.createScene(width, height));
        stage.sizeToScene(); // TestFX reuses one primary stage: a size an earlier test set must not carry over
        stage.show();
        stage.toFront();
        return d;
    }

    public MainWindow window() {
        return window;
    }

    public NoticeBoard notices() {
        return notices;
    }

    /** The signed-in shell (fails if nobody signed in). */
    public ShellView shell() {
        return window.shell().orElseThrow();
    }

    /** Locks (closing the store) and stops the store thread. */
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::lock).get(5, TimeUnit.SECONDS);
        storeThread.shutdown();
        storeThread.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Waits until a condition, evaluated on the FX thread, holds. */
    public static void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            throw new AssertionError("Condition not met within 15 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Evaluates something on the FX thread. */
    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Signs in through the form and waits for the work to show. */
    public void signIn(FxRobot robot, String user, String password) {
        await(() -> robot.lookup("#login-username").tryQuery().map(Node::isVisible).orElse(false));
        TextInputControl name = robot.lookup("#login-username").queryTextInputControl();
        robot.interact(() -> name.setText(user));
        fill(robot, "#login-password", password);
        robot.type(KeyCode.ENTER);
        await(window::isUnlocked);
    }

    /** Types into a field found by its id, replacing what is there. */
    public static void typeInto(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryTextInputControl();
        robot.interact(() -> {
            field.requestFocus();
            field.clear();
        });
        robot.write(text, 0);
    }

    /** Sets a field's text directly (for long text whose typing is not under test) and focuses it. */
    public static void fill(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryTextInputControl();
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
            field.end();
        });
    }

    /** Presses Ctrl (Shortcut on Linux and Windows) with a key. */
    public static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void assertVisible(FxRobot robot, String id) {
        assertThat(onFx(() -> robot.lookup(id).tryQuery().map(Desktop::shown).orElse(false)))
                .as(id + " is on show").isTrue();
    }

    /** Visible with every ancestor visible. */
    public static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
