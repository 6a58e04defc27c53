package org.outpost.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.outpost.ui.text.UiText;

/** Item 17 of issue 14: a machine without GTK 3 gets the apt-get line, not a stack trace. */
class LauncherLibrariesTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final UiText text = new UiText(Locale.ENGLISH);

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutGtkAndLibXtstItSaysWhichAndTheExactInstallLineAndExitsNonZero() {
        Set<String> absent = Set.of("libgtk-3.so.0", "libgdk-3.so.0", "libXtst.so.6");
        int code = Launcher.checkDesktopLibraries(name -> !absent.contains(name),
                new PrintStream(err, true, StandardCharsets.UTF_8), text);
        assertThat(code).isEqualTo(Launcher.MISSING_LIBRARIES).isNotZero();
        assertThat(err()).contains("not installed: libgtk-3.so.0, libgdk-3.so.0, libXtst.so.6")
                .contains("\n  sudo apt-get install -y libgtk-3-0 libxtst6\n")
                .contains("system's package manager")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void withEveryLibraryItSaysNothing() {
        assertThat(Launcher.checkDesktopLibraries(name -> true, new PrintStream(err, true, StandardCharsets.UTF_8),
                text)).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void withoutADisplayItSaysSoInOneLineAndExitsNonZero() {
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(Launcher.checkDisplay(java.util.Map.of(), stream, text)).isEqualTo(Launcher.MISSING_LIBRARIES);
        assertThat(err()).startsWith("outpost: there is no graphical display here").hasLineCount(1);
        err.reset();
        assertThat(Launcher.checkDisplay(java.util.Map.of("DISPLAY", ":99"), stream, text)).isZero();
        assertThat(Launcher.checkDisplay(java.util.Map.of("WAYLAND_DISPLAY", "wayland-0"), stream, text)).isZero();
        assertThat(err()).isEmpty();
    }
}
