package org.outpost.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.outpost.ui.shell.ShortcutHelpViewModel.Command;
import org.outpost.ui.shell.ShortcutHelpViewModel.Entry;
import org.outpost.ui.text.UiText;

class ShortcutHelpViewModelTest {
    final UiText text = new UiText(Locale.ENGLISH);
    final ShortcutHelpViewModel linux = new ShortcutHelpViewModel(text, false);

    @Test
    void keysAreNamedAsThePlatformNamesThem() {
        assertThat(linux.keysOf(Command.SEARCH)).isEqualTo("Ctrl+F");
        assertThat(linux.keysOf(Command.SIGN_OUT)).isEqualTo("Ctrl+Shift+Q");
        assertThat(linux.keysOf(Command.HELP)).isEqualTo("F1");
        ShortcutHelpViewModel mac = new ShortcutHelpViewModel(text, true);
        assertThat(mac.keysOf(Command.SEARCH)).isEqualTo("\u2318F");
        assertThat(mac.keysOf(Command.SIGN_OUT)).isEqualTo("\u21e7\u2318Q");
    }

    @Test
    void theInstalledKeysAreTheOnesNamed() {
        assertThat(MainWindow.keyOf(Command.SIGN_OUT)).isEqualTo(new KeyCodeCombination(KeyCode.Q,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        assertThat(MainWindow.keyOf(Command.LOCK)).isEqualTo(new KeyCodeCombination(KeyCode.L,
                KeyCombination.SHORTCUT_DOWN));
        assertThat(MainWindow.keyOf(Command.HELP)).isEqualTo(new KeyCodeCombination(KeyCode.F1));
    }

    @Test
    void aTooltipSaysWhatAButtonDoesAndItsKeys() {
        assertThat(linux.tooltip(Command.LOCK)).isEqualTo("Lock the workstation (your work waits for you) (Ctrl+L)");
        assertThat(linux.tooltip(Command.SIGN_OUT)).isEqualTo("Sign out (unsaved work is discarded) (Ctrl+Shift+Q)");
    }

    @Test
    void theSignInFormListsOnlyWhatWorksThere() {
        assertThat(linux.entriesFor(ShortcutHelpViewModel.LOGIN, false)).extracting(Entry::keys)
                .containsExactly("Enter", "Alt+underlined letter", "F1");
    }

    @Test
    void theChartListsItsOwnShortcutsFirstAndOrderingOnlyForPrescribers() {
        assertThat(linux.entriesFor("chart", true)).extracting(Entry::keys)
                .startsWith("Ctrl+R", "Ctrl+O", "Enter", "Esc")
                .contains("Ctrl+F", "Ctrl+N", "Ctrl+L", "Ctrl+Shift+Q")
                .endsWith("F1");
        assertThat(linux.entriesFor("chart", false)).extracting(Entry::keys).doesNotContain("Ctrl+O");
        assertThat(linux.entriesFor("search", false)).extracting(Entry::keys)
                .doesNotContain("Ctrl+R").contains("Enter", "Ctrl+Shift+Q");
        assertThat(linux.entriesFor("chart", true)).extracting(Entry::description)
                .contains("Record observations in the open chart", "Sign out (unsaved work is discarded)");
    }

    @Test
    void f1ShowsTheScreensShortcutsAndF1OrEscHidesThem() {
        linux.toggle("chart", false);
        assertThat(linux.showingProperty().get()).isTrue();
        assertThat(linux.entries()).isEqualTo(linux.entriesFor("chart", false));
        linux.toggle("chart", false);
        assertThat(linux.showingProperty().get()).isFalse();
        linux.toggle("search", false);
        assertThat(linux.entries()).isEqualTo(linux.entriesFor("search", false));
        linux.close();
        assertThat(linux.showingProperty().get()).isFalse();
    }
}
