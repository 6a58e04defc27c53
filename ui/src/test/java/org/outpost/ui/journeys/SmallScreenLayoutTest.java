package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;
import org.outpost.app.monitoring.Deviation;
import org.outpost.app.monitoring.MonitoringFlag;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.app.monitoring.MonitoringDetectors;
import org.outpost.store.TestVaults;
import org.outpost.ui.shell.sync.SyncOptions;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 item 6: on a 1366×768 laptop and a 1280×720 screen every main screen's important controls (its save
 * and record buttons, its last field) lie within the window, or inside a scroll pane that does and can bring them
 * into view. The scene sizes are the screens less a 40 px task bar and a 30 px title bar. On the monitoring tab
 * (issue 15), with readings and a flag on show, no text is cut short either.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenLayoutTest {
    @TempDir
    Path dir;
    Desktop desktop;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Clock clock = Clock.systemDefaultZone();
        try (StoreFixture f = StoreFixture.create(dir, clock)) {
            Patient p = Journey.okafor(f);
            for (int i = 0; i < 30; i++) {
                f.record(p, Instant.now().minus(Duration.ofDays(30L * i + 1)),
                        Map.of(Measure.SYSTOLIC_BP, new Quantity(120 + i, Unit.MM_HG),
                                Measure.DIASTOLIC_BP, new Quantity(80, Unit.MM_HG)));
            }
            monitoring(f, p);
        }
        desktop = Desktop.show(stage, TestVaults.fast(dir, clock), clock, Duration.ofMinutes(10),
                SyncOptions.standard(), 1366, 698);
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void mainScreensFitALaptopAndAnHdScreen(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        for (double[] size : new double[][] {{1366, 698}, {1280, 650}}) {
            robot.interact(() -> {
                stage.setWidth(size[0] + (stage.getWidth() - stage.getScene().getWidth()));
                stage.setHeight(size[1] + (stage.getHeight() - stage.getScene().getHeight()));
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(onFx(() -> stage.getScene().getHeight())).isEqualTo(size[1]);
            String at = (int) size[0] + "×" + (int) size[1] + ": ";

            robot.interact(() -> desktop.shell().showSearch());
            reachable(robot, at, "#search-field", "#search-new-patient", "#search-results");

            robot.interact(() -> desktop.shell().newPatient());
            await(() -> desktop.shell().currentScreen().equals("new-patient"));
            reachable(robot, at, "#patient-family-name", "#patient-address", "#patient-consent", "#patient-save",
                    "#patient-cancel");

            robot.interact(() -> desktop.shell().showSearch());
            Journey.openChart(robot, desktop, "okafor", "Okafor, Ngozi");
            TabPane tabs = onFx(() -> (TabPane) robot.lookup("#chart-view").query().lookup(".tab-pane"));
            for (Tab tab : onFx(() -> List.copyOf(tabs.getTabs()))) {
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                reachable(robot, at + tab.getId() + ": ", "#chart-record", "#chart-edit");
                reachableAll(robot, at + tab.getId() + ": ", onFx(tab::getContent));
                if ("chart-tab-monitoring".equals(tab.getId())) {
                    await(() -> !robot.lookup("#monitoring-flags").queryTableView().getItems().isEmpty());
                    assertThat(onFx(() -> robot.lookup("#monitoring-confirm").query().isVisible())).isTrue();
                    noTextCutShort(at + tab.getId() + ": ", onFx(tab::getContent));
                }
            }
            robot.interact(() -> desktop.shell().record());
            await(() -> desktop.shell().currentChart().orElseThrow().isRecording());
            String last = "#record-" + onFx(() -> {
                var entries = desktop.shell().currentChart().orElseThrow().recordModel().entries();
                return entries.get(entries.size() - 1).measure().name();
            });
            reachable(robot, at, "#record-date", "#record-time", "#record-SYSTOLIC_BP", last, "#record-save",
                    "#record-cancel");
            robot.interact(() -> desktop.shell().currentChart().orElseThrow().closeRecord());

            robot.clickOn("#nav-admin");
            await(() -> desktop.shell().currentScreen().equals("admin"));
            reachable(robot, at, "#admin-users", "#admin-new-password", "#admin-add-user", "#admin-reset-password",
                    "#admin-reset", "#admin-disable");
            robot.clickOn("#admin-tab-audit .tab-label");
            reachable(robot, at, "#admin-verify-database", "#admin-verify", "#admin-audit");
        }
    }

    /**
     * Three days of per-minute heart rate and a flag, so the monitoring tab shows its chart, its flag list and its
     * confirm and dismiss buttons.
     */
    private static void monitoring(StoreFixture f, Patient p) {
        Instant last = Instant.now().minus(Duration.ofHours(1));
        List<Reading> readings = new ArrayList<>();
        for (Instant t = last.minus(Duration.ofDays(3)); t.isBefore(last); t = t.plusSeconds(60)) {
            readings.add(new Reading(t, 60 + t.getEpochSecond() / 60 % 15));
        }
        new MonitoringService(f.store(), f.clock(), f.session(), MonitoringDetectors::forMeasure)
                .importReadings(p.id(), Map.of(org.outpost.app.monitoring.Measure.HEART_RATE, readings), "generic");
        MonitoringFlag flag = new MonitoringFlag(UUID.randomUUID(), p.id(), new Deviation(
                org.outpost.app.monitoring.Measure.HEART_RATE, last.minus(Duration.ofHours(30)),
                last.minus(Duration.ofHours(2)), Deviation.Kind.DRIFT, Deviation.Direction.BELOW, 66, 58),
                Instant.now(), Optional.empty());
        f.store().write(r -> {
            r.monitoring().insertFlag(flag);
            return null;
        });
    }

    /** No label, button or table cell in {@code content} shows its text cut short (an ellipsis in place of words). */
    private static void noTextCutShort(String at, Node content) {
        List<String> cut = onFx(() -> {
            List<String> found = new ArrayList<>();
            cutShort(content, found);
            return found;
        });
        assertThat(cut).as(at + "text cut short").isEmpty();
    }

    private static void cutShort(Node n, List<String> into) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String full = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
            l.getChildrenUnmodifiable().stream().filter(c -> c instanceof javafx.scene.text.Text).findFirst()
                    .map(c -> ((javafx.scene.text.Text) c).getText())
                    .filter(shown -> !shown.replace("_", "").equals(full))
                    .ifPresent(shown -> into.add((l.getId() == null ? l.getClass().getSimpleName() : l.getId())
                            + ": " + shown));
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> cutShort(c, into));
        }
    }

    /** Every button and text field in {@code content} (a chart tab) can be brought into the window. */
    private void reachableAll(FxRobot robot, String at, Node content) {
        List<Node> controls = onFx(() -> {
            List<Node> found = new ArrayList<>();
            collect(content, found);
            return found;
        });
        for (Node n : controls) {
            assertReachable(robot, at + (n.getId() == null ? n.toString() : n.getId()), n);
        }
    }

    private static void collect(Node n, List<Node> into) {
        if (!n.isVisible() || !n.isManaged()) {
            return;
        }
        if (n instanceof javafx.scene.control.ButtonBase || n instanceof javafx.scene.control.TextField
                || n instanceof javafx.scene.control.TableView<?>) {
            into.add(n);
        }
        if (n instanceof ScrollPane sp && sp.getContent() != null) {
            collect(sp.getContent(), into);
        } else if (n instanceof Parent p && !(n instanceof javafx.scene.control.TableView<?>)
                && !(n instanceof javafx.scene.control.ListView<?>)) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, into));
        }
    }

    private void reachable(FxRobot robot, String at, String... ids) {
        for (String id : ids) {
            Node n = robot.lookup(id).query();
            assertThat(onFx(() -> Desktop.shown(n))).as(at + id + " is on show").isTrue();
            assertReachable(robot, at + id, n);
        }
    }

    /**
     * The node's bounds lie within the scene; or it is inside a scroll pane that lies within the scene, and once
     * scrolled to, within the scroll pane's viewport.
     */
    private void assertReachable(FxRobot robot, String what, Node n) {
        Scene scene = onFx(n::getScene);
        ScrollPane scroll = onFx(() -> scrollAncestor(n));
        if (scroll != null) {
            assertWithin(what + " (its scroll pane)", onFx(() -> scroll.localToScene(scroll.getBoundsInLocal())), scene);
            robot.interact(() -> reveal(scroll, n));
            WaitForAsyncUtils.waitForFxEvents();
            Bounds viewport = onFx(() -> scroll.localToScene(scroll.getBoundsInLocal()));
            Bounds b = onFx(() -> n.localToScene(n.getBoundsInLocal()));
            assertThat(b.getMinY()).as(what + " top, scrolled to, within its scroll pane")
                    .isGreaterThanOrEqualTo(viewport.getMinY() - 1);
            assertThat(b.getMaxY()).as(what + " bottom, scrolled to, within its scroll pane")
                    .isLessThanOrEqualTo(viewport.getMaxY() + 1);
        }
        assertWithin(what, onFx(() -> n.localToScene(n.getBoundsInLocal())), scene);
    }

    private static void assertWithin(String what, Bounds b, Scene scene) {
        assertThat(b.getMinX()).as(what + " left edge").isGreaterThanOrEqualTo(-1);
        assertThat(b.getMinY()).as(what + " top edge").isGreaterThanOrEqualTo(-1);
        assertThat(b.getMaxX()).as(what + " right edge within the window " + scene.getWidth())
                .isLessThanOrEqualTo(scene.getWidth() + 1);
        assertThat(b.getMaxY()).as(what + " bottom edge within the window " + scene.getHeight())
                .isLessThanOrEqualTo(scene.getHeight() + 1);
    }

    private static ScrollPane scrollAncestor(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && !(p.getStyleClass().contains("table-view"))) {
                return sp;
            }
        }
        return null;
    }

    private static void reveal(ScrollPane scroll, Node n) {
        Node content = scroll.getContent();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        double v = Math.min(1, Math.max(0, (b.getMaxY() - viewport + 4) / (contentHeight - viewport)));
        scroll.setVvalue(v * (scroll.getVmax() - scroll.getVmin()) + scroll.getVmin());
        scroll.layout();
    }
}
