package org.outpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import org.controlsfx.control.textfield.TextFields;
import org.junit.jupiter.api.Test;

/**
 * The tests run in the installed app's module layout, with the launcher's own JVM options: if someone puts
 * JavaFX or ControlsFX back on the test class path, or the options file stops reaching the test JVM, the
 * journeys would pass while the installed app fails (issue 9), so this test fails instead.
 */
class ModuleLayoutTest {
    private static final Path JAVA_OPTIONS = Path.of("src/main/launcher/java-options");

    @Test
    void javaFxAndControlsFxAreNamedModulesAndOutpostIsOnTheClassPath() {
        assertThat(Node.class.getModule().getName()).isEqualTo("javafx.graphics");
        assertThat(TextFields.class.getModule().getName()).isEqualTo("org.controlsfx.controls");
        assertThat(OutpostApp.class.getModule().isNamed()).as("Outpost on the class path").isFalse();
    }

    @Test
    void everyAccessTheLauncherGrantsIsInForceHere() throws IOException {
        List<String> grants = Files.readAllLines(JAVA_OPTIONS).stream().map(String::strip)
                .filter(l -> l.startsWith("--add-exports=") || l.startsWith("--add-opens=")).toList();
        assertThat(grants).as("the launcher grants ControlsFX its access").isNotEmpty();
        for (String grant : grants) {
            boolean opens = grant.startsWith("--add-opens=");
            String[] parts = grant.substring(grant.indexOf('=') + 1).split("[/=]"); // module/package=target
            Module source = ModuleLayer.boot().findModule(parts[0]).orElseThrow();
            Module target = ModuleLayer.boot().findModule(parts[2]).orElseThrow(
                    () -> new AssertionError("the target of " + grant + " is not a module of this JVM"));
            assertThat(opens ? source.isOpen(parts[1], target) : source.isExported(parts[1], target))
                    .as(grant).isTrue();
        }
    }

    @Test
    void controlsFxGetsNoMoreThanTheLauncherGrants() {
        // the class path (Outpost, H2, Flyway, ...) is never given JavaFX internals by the shipped options
        Module javafxBase = Node.class.getModule().getLayer().findModule("javafx.base").orElseThrow();
        Module unnamed = OutpostApp.class.getModule();
        assertThat(javafxBase.isExported("com.sun.javafx.event", unnamed)).isFalse();
        assertThat(javafxBase.isExported("com.sun.javafx.event", TextFields.class.getModule())).isTrue();
    }
}
