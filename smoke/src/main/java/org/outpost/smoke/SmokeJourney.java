package org.outpost.smoke;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * The smoke journey through the packaged app, as the three roles use it: the clinician signs in, opens a
 * chart and every tab on it, orders clopidogrel through the drug name autocompletion for the CYP2C19 poor
 * metaboliser (the CPIC alert asks for a reason) and records vitals; the pharmacist signs in to the review
 * queue, opens the order and a chart; the administrator opens a chart and verifies the audit log.
 *
 * <p>Every step fails on the app's "Something went wrong" bar (its error id is reported), on a timeout, or
 * on a wrong screen. Only JavaFX's public API, TestFX and the app's node ids are used. Keys and clicks go
 * through the glass robot, i.e. the real window system under Xvfb.
 */
final class SmokeJourney {
    static final String ADMIN = "it-admin";
    static final String CLINICIAN = "clinician";
    static final String PHARMACIST = "pharmacist";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(40);

    private final String password;
    private final String mrn;
    private final Path out;
    private FxRobot robot;

    SmokeJourney(String password, String mrn, Path out) {
        this.password = password;
        this.mrn = mrn;
        this.out = out;
    }

    /** Runs the journey and ends the process: closes the window on success, halts with status 1 on failure. */
    void runAndExit() {
        String step = "start";
        try {
            awaitMainWindow();
            System.setProperty("testfx.robot", "glass");
            robot = new FxRobot();
            for (Step s : steps()) {
                step = s.name();
                say("step: " + step);
                s.action().run();
                settle();
                failOnErrorBar();
            }
            say("PASSED");
            fx(() -> {
                mainStage().ifPresent(Stage::close); // the app locks, closes the store and exits as it does for a user
                return null;
            });
        } catch (Throwable t) {
            screenshot();
            say("FAILED: at step '" + step + "': " + t);
            t.printStackTrace(System.out);
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private record Step(String name, ThrowingRunnable action) {
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("clinician signs in", () -> signIn(CLINICIAN)));
        steps.add(new Step("clinician opens the chart of " + mrn, this::openChart));
        steps.add(new Step("clinician visits every chart tab", this::visitChartTabs));
        steps.add(new Step("clinician orders clopidogrel through the autocompletion", this::orderClopidogrel));
        steps.add(new Step("clinician records vitals", this::recordVitals));
        steps.add(new Step("clinician locks the screen", this::lock));
        steps.add(new Step("pharmacist signs in to the review queue", () -> {
            signIn(PHARMACIST);
            await("the review queue", () -> shown("#review-view"));
        }));
        steps.add(new Step("pharmacist opens the waiting order", this::openWaitingOrder));
        steps.add(new Step("pharmacist opens a chart", () -> {
            openChart();
            visitChartTabs();
        }));
        steps.add(new Step("pharmacist locks the screen", this::lock));
        steps.add(new Step("administrator signs in and opens a chart", () -> {
            signIn(ADMIN);
            openChart();
            visitChartTabs();
        }));
        steps.add(new Step("administrator verifies the audit log", this::verifyAudit));
        return steps;
    }

    // ---- the steps

    private void signIn(String user) {
        await("the sign-in form", () -> shown("#login-username"));
        TextInputControl name = (TextInputControl) node("#login-username").orElseThrow();
        robot.clickOn(name);
        fx(() -> {
            name.clear();
            return null;
        });
        robot.write(user);
        robot.clickOn(node("#login-password").orElseThrow());
        robot.write(password);
        robot.type(KeyCode.ENTER);
        await("signed in as " + user, () -> {
            String error = text("#login-error");
            if (!error.isEmpty()) {
                throw new AssertionError("sign-in refused: " + error);
            }
            return shown("#shell") && text("#shell-user").contains(user);
        });
    }

    private void openChart() {
        shortcut(KeyCode.F);
        await("the search field has the caret", () -> node("#search-field").map(Node::isFocused).orElse(false));
        robot.write(mrn);
        await("one search result for " + mrn, () -> node("#search-results")
                .map(n -> ((TableView<?>) n).getItems().size() == 1).orElse(false));
        robot.type(KeyCode.ENTER);
        await("the chart", () -> shown("#chart-view") && !text("#chart-name").isEmpty());
    }

    /** Clicks every tab of the chart, so each view is built and painted on the shipped runtime. */
    private void visitChartTabs() {
        List<String> titles = fx(() -> chartTabs().getTabs().stream().map(Tab::getText).toList());
        if (titles.size() < 5) {
            throw new AssertionError("expected the chart's tabs, found " + titles);
        }
        for (String title : titles) {
            Node header = fx(() -> tabHeader(title)).orElseThrow(() -> new AssertionError("no tab header " + title));
            robot.clickOn(header);
            await("tab " + title + " selected", () -> title.equals(chartTabs().getSelectionModel().getSelectedItem().getText()));
            settle();
            failOnErrorBar();
        }
    }

    private void orderClopidogrel() {
        shortcut(KeyCode.O);
        await("the drug field has the caret", () -> node("#order-drug").map(Node::isFocused).orElse(false));
        robot.write("clopi");
        ListCell<?> suggestion = await("the suggestion 'clopidogrel'", () -> suggestion("clopidogrel"));
        robot.clickOn(suggestion);
        await("the drug field says clopidogrel", () -> text("#order-drug").equals("clopidogrel"));
        robot.clickOn(node("#order-amount").orElseThrow());
        robot.write("75");
        robot.clickOn(node("#order-check").orElseThrow());
        await("the check's verdict", () -> text("#order-status").startsWith("Checked"));
        await("the CPIC alert's reason field", () -> shown("#order-alert-reason-0"));
        // every alert that needs an answer gets one (the CPIC alert, and any duplicate or interaction the demo
        // patient's list raises)
        List<String> reasons = fx(() -> roots().stream()
                .flatMap(r -> r.lookupAll(".text-field").stream())
                .map(Node::getId)
                .filter(id -> id != null && id.startsWith("order-alert-reason-"))
                .sorted().toList());
        for (String id : reasons) {
            reveal(node("#" + id).orElseThrow());
            robot.clickOn(node("#" + id).orElseThrow());
            robot.write("Smoke test: ticagrelor not in stock");
        }
        await("Save enabled", () -> node("#order-save").map(n -> !n.isDisabled()).orElse(false));
        robot.clickOn(node("#order-save").orElseThrow());
        await("saved for pharmacist review", () -> text("#order-status").contains("pharmacist will review"));
    }

    private void recordVitals() {
        shortcut(KeyCode.R);
        await("the recording form", () -> shown("#record-view")
                && node("#record-SYSTOLIC_BP").map(Node::isFocused).orElse(false));
        robot.write("128");
        robot.clickOn(node("#record-DIASTOLIC_BP").orElseThrow());
        robot.write("82");
        // a tired clinician's 7500 for 75: refused next to the field (ControlsFX validation decoration)
        robot.clickOn(node("#record-HEART_RATE").orElseThrow());
        robot.write("7500");
        await("the heart rate refused next to the field", () -> shown("#record-HEART_RATE-error")
                && text("#record-HEART_RATE-error").contains("7500"));
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("64");
        await("the message cleared", () -> !shown("#record-HEART_RATE-error"));
        robot.type(KeyCode.ENTER);
        await("the vitals saved", () -> !shown("#record-view") || text("#record-SYSTOLIC_BP").isEmpty());
        String formError = text("#record-form-error");
        if (!formError.isEmpty()) {
            throw new AssertionError("recording refused: " + formError);
        }
        robot.type(KeyCode.ESCAPE);
        await("the recording form closed", () -> !shown("#record-view"));
        String observations = fx(() -> chartTabs().getTabs().stream()
                .filter(t -> t.getContent() != null && t.getContent().lookup("#chart-observations") != null)
                .map(Tab::getText).findFirst().orElseThrow());
        robot.clickOn(fx(() -> tabHeader(observations)).orElseThrow());
        await("128 mmHg in the observations table", () -> node("#chart-observations")
                .map(table -> table.lookupAll(".table-cell").stream()
                        .anyMatch(c -> c instanceof Labeled l && l.getText() != null && l.getText().startsWith("128")))
                .orElse(false));
    }

    private void lock() {
        shortcut(KeyCode.L);
        await("the sign-in form after locking", () -> shown("#login-view"));
    }

    private void openWaitingOrder() {
        await("an order waiting", () -> node("#review-queue").map(n -> !((TableView<?>) n).getItems().isEmpty()).orElse(false));
        Node row = await("the first row", () -> node("#review-queue")
                .flatMap(t -> t.lookupAll(".table-row-cell").stream()
                        .filter(r -> r instanceof javafx.scene.control.TableRow<?> tr && tr.getItem() != null)
                        .findFirst()).orElse(null));
        robot.clickOn(row);
        await("the order's details", () -> !text("#review-details").isEmpty() && shown("#review-alert-reason-0"));
        if (!text("#review-alert-reason-0").contains("ticagrelor")) {
            throw new AssertionError("the prescriber's reason is not shown: " + text("#review-alert-reason-0"));
        }
    }

    private void verifyAudit() {
        robot.clickOn(node("#nav-admin").orElseThrow());
        await("the admin screen", () -> shown("#admin-view"));
        robot.clickOn(fx(() -> tabHeader("#admin-view", "Audit log")).orElseThrow());
        await("the verify button", () -> shown("#admin-verify"));
        robot.clickOn(node("#admin-verify").orElseThrow());
        await("the audit verdict", () -> text("#admin-verification").startsWith("Intact"));
    }

    /** Scrolls the scroll pane around a node until the node is in view, as a user scrolls to it. */
    private static void reveal(Node target) {
        fx(() -> {
            for (Node p = target.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
                    double contentHeight = pane.getContent().getBoundsInLocal().getHeight();
                    double viewport = pane.getViewportBounds().getHeight();
                    double y = pane.getContent().sceneToLocal(target.localToScene(0, 0)).getY();
                    if (contentHeight > viewport) {
                        pane.setVvalue(Math.clamp((y - viewport / 3) / (contentHeight - viewport), 0, 1));
                    }
                    pane.layout();
                    break;
                }
            }
            return null;
        });
        settle();
    }

    // ---- finding things (always on the FX thread)

    private TabPane chartTabs() {
        return (TabPane) node("#chart-view").orElseThrow().lookup(".tab-pane");
    }

    private static Optional<Node> tabHeader(String title) {
        return tabHeader("#chart-view", title);
    }

    /** The header of a tab, by its title, in the tab pane inside {@code container}. */
    private static Optional<Node> tabHeader(String container, String title) {
        return node(container).orElseThrow().lookupAll(".tab-header-area .tab-label").stream()
                .filter(n -> n instanceof Labeled l && title.equals(l.getText()))
                .findFirst();
    }

    private static ListCell<?> suggestion(String text) {
        return Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing() && w.getScene() != null)
                .flatMap(w -> w.getScene().getRoot().lookupAll(".list-cell").stream())
                .filter(n -> n instanceof ListCell<?> c && text.equals(c.getText()))
                .map(n -> (ListCell<?>) n)
                .findFirst().orElse(null);
    }

    private static List<Parent> roots() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null)
                .map(w -> w.getScene().getRoot())
                .toList();
    }

    /** The first node matching a CSS selector in any window on show (call on the FX thread, or through fx). */
    private static Optional<Node> node(String selector) {
        if (!Platform.isFxApplicationThread()) {
            return fx(() -> node(selector));
        }
        return roots().stream().map(r -> r.lookup(selector)).filter(n -> n != null).findFirst();
    }

    private static boolean shown(String selector) {
        return node(selector).map(SmokeJourney::isShown).orElse(false);
    }

    private static boolean isShown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
    }

    private static String text(String selector) {
        return node(selector).map(n -> switch (n) {
            case Labeled l -> l.getText();
            case TextInputControl t -> t.getText();
            default -> "";
        }).map(s -> s == null ? "" : s).orElse("");
    }

    private static Optional<Stage> mainStage() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot().lookup("#main-window") != null)
                .map(w -> (Stage) w).findFirst();
    }

    // ---- waiting

    /** Waits until the toolkit is up and the app's window is on show. */
    private static void awaitMainWindow() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (fx(() -> mainStage().isPresent())) {
                    return;
                }
            } catch (IllegalStateException toolkitNotStarted) {
                // Platform.runLater before the toolkit is up
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the Outpost window did not appear within 60 s");
    }

    /**
     * Polls a condition on the FX thread until it holds (true, or a non-null value), failing at once when the
     * app shows its error bar.
     */
    @SuppressWarnings("unchecked")
    private static <T> T await(String what, Callable<T> condition) {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            failOnErrorBar();
            T value = fx(condition);
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + STEP_TIMEOUT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    private static void failOnErrorBar() {
        if (shown("#error-bar")) {
            throw new AssertionError("the app shows 'Something went wrong' with error id " + text("#error-id"));
        }
    }

    /** Lets queued FX events and short background work finish. */
    private static void settle() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fx(() -> null);
    }

    private void shortcut(KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    static <T> T fx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException("the FX thread did not answer within 20 s", e);
        }
    }

    // ---- evidence

    private void screenshot() {
        try {
            Files.createDirectories(out);
            List<WritableImage> images = fx(() -> roots().stream().map(r -> r.getScene().snapshot(null)).toList());
            int i = 0;
            for (WritableImage image : images) {
                Path file = out.resolve("smoke-failure-" + i++ + ".png");
                ImageIO.write(toAwt(image), "png", file.toFile());
                say("screenshot: " + file);
            }
        } catch (IOException | RuntimeException e) {
            say("no screenshot: " + e);
        }
    }

    private static BufferedImage toAwt(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage awt = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                awt.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return awt;
    }

    private static void say(String line) {
        System.out.println("SMOKE " + line);
        System.out.flush();
    }
}
