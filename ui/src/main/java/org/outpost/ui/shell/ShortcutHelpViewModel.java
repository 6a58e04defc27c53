package org.outpost.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.ui.text.UiText;

/**
 * The window's keyboard shortcuts in one list, so that the keys installed, the tooltips that name them and the help
 * overlay (F1) cannot disagree; and the overlay's state: whether it is on show and the shortcuts of the screen it
 * was opened over. Key names follow the platform (Ctrl+F, or ⌘F on a Mac).
 */
public final class ShortcutHelpViewModel {
    /** The gate's screens (everything else is one of {@link ShellView#currentScreen()}'s names). */
    public static final String LOGIN = "login";
    public static final String SETUP = "setup";

    /** A window-wide command with its key. */
    public enum Command {
        SEARCH("Shortcut+F", "shortcut.search"),
        NEW_PATIENT("Shortcut+N", "shortcut.newPatient"),
        RECORD("Shortcut+R", "shortcut.record"),
        ORDER("Shortcut+O", "shortcut.order"),
        LOCK("Shortcut+L", "shortcut.lock"),
        SIGN_OUT("Shortcut+Shift+Q", "shortcut.signOut"),
        HELP("F1", "shortcut.help");

        private final String keys;
        private final String textKey;

        Command(String keys, String textKey) {
            this.keys = keys;
            this.textKey = textKey;
        }

        /** The keys in {@code KeyCombination.keyCombination}'s notation ("Shortcut+Shift+Q"), for the view to install. */
        public String keys() {
            return keys;
        }
    }

    /** One line of the overlay: the keys as the user presses them, and what they do. */
    public record Entry(String keys, String description) {
        public Entry {
            Objects.requireNonNull(keys);
            Objects.requireNonNull(description);
        }
    }

    private final UiText text;
    private final boolean mac;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing", false);
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> entriesView = FXCollections.unmodifiableObservableList(entries);

    /** @param mac whether to name keys as a Mac does (⌘ for the shortcut key) */
    public ShortcutHelpViewModel(UiText text, boolean mac) {
        this.text = Objects.requireNonNull(text);
        this.mac = mac;
    }

    /** Key names as this computer's platform shows them. */
    public static ShortcutHelpViewModel forThisPlatform(UiText text) {
        return new ShortcutHelpViewModel(text, System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac"));
    }

    /** A command's keys as the user reads them ("Ctrl+Shift+Q"; "⇧⌘Q" on a Mac). */
    public String keysOf(Command command) {
        return keyNames(command.keys);
    }

    /** A button's tooltip: what it does and its shortcut. */
    public String tooltip(Command command) {
        return text.get("shortcut.tooltip", text.get(command.textKey), keysOf(command));
    }

    /**
     * The shortcuts that work on a screen: its own first, then the window-wide ones.
     *
     * @param screen       {@link #LOGIN}, {@link #SETUP} or a shell screen's name ("search", "chart", …)
     * @param mayPrescribe whether the signed-in user may order (the order shortcut)
     */
    public List<Entry> entriesFor(String screen, boolean mayPrescribe) {
        List<Entry> list = new ArrayList<>();
        switch (screen) {
            case LOGIN -> list.add(entry("Enter", "shortcut.unlock"));
            case SETUP -> list.add(entry("Enter", "shortcut.createDatabase"));
            case "search" -> {
                list.add(entry("Up", "shortcut.moveInResults"));
                list.add(entry("Enter", "shortcut.openPatient"));
            }
            case "chart" -> {
                list.add(command(Command.RECORD));
                if (mayPrescribe) {
                    list.add(command(Command.ORDER));
                }
                list.add(entry("Enter", "shortcut.saveForm"));
                list.add(entry("Escape", "shortcut.closeForm"));
            }
            case "new-patient", "edit-patient" -> {
                list.add(entry("Enter", "shortcut.saveForm"));
                list.add(entry("Escape", "shortcut.cancelForm"));
            }
            default -> { }
        }
        if (!screen.equals(LOGIN) && !screen.equals(SETUP)) {
            list.add(command(Command.SEARCH));
            list.add(command(Command.NEW_PATIENT));
            list.add(command(Command.LOCK));
            list.add(command(Command.SIGN_OUT));
        }
        list.add(new Entry(text.get("shortcut.key.mnemonic"), text.get("shortcut.mnemonic")));
        list.add(command(Command.HELP));
        return List.copyOf(list);
    }

    /** F1: shows the shortcuts of {@code screen}, or closes the overlay when it is on show. */
    public void toggle(String screen, boolean mayPrescribe) {
        if (showing.get()) {
            close();
        } else {
            entries.setAll(entriesFor(screen, mayPrescribe));
            showing.set(true);
        }
    }

    /** Esc (or F1 again): hides the overlay. */
    public void close() {
        showing.set(false);
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** The overlay's lines (read-only). */
    public ObservableList<Entry> entries() {
        return entriesView;
    }

    private Entry command(Command command) {
        return new Entry(keysOf(command), text.get(command.textKey));
    }

    private Entry entry(String keys, String descriptionKey) {
        return new Entry(keyNames(keys), text.get(descriptionKey));
    }

    /** Each named key's text in the bundle, written out so that the bundle test sees every key in use. */
    private static final Map<String, String> KEY_NAMES = Map.of("Shortcut", "shortcut.key.Shortcut",
            "Shift", "shortcut.key.Shift", "F1", "shortcut.key.F1", "Enter", "shortcut.key.Enter",
            "Escape", "shortcut.key.Escape", "Up", "shortcut.key.Up");
    private static final Map<String, String> MAC_KEY_NAMES = Map.of("Shortcut", "shortcut.keyMac.Shortcut",
            "Shift", "shortcut.keyMac.Shift", "F1", "shortcut.keyMac.F1", "Enter", "shortcut.keyMac.Enter",
            "Escape", "shortcut.keyMac.Escape", "Up", "shortcut.keyMac.Up");

    /** "Shortcut+Shift+Q" → "Ctrl+Shift+Q" (a Mac: "⇧⌘Q"); a named key from the bundle, a letter as it is. */
    private String keyNames(String keys) {
        String[] parts = keys.split("\\+");
        List<String> names = new ArrayList<>();
        for (String part : parts) {
            String key = (mac ? MAC_KEY_NAMES : KEY_NAMES).get(part);
            names.add(part.length() == 1 || key == null ? part : text.get(key));
        }
        if (mac && names.size() > 1) {
            // a Mac writes modifiers as symbols in its own order (⇧ before ⌘) and without separators
            List<String> modifiers = new ArrayList<>(names.subList(0, names.size() - 1));
            modifiers.sort(java.util.Comparator.comparing(n -> n.equals(text.get("shortcut.keyMac.Shortcut"))));
            return String.join("", modifiers) + names.getLast();
        }
        return String.join("+", names);
    }
}
