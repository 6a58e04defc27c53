package org.outpost.app.text;

import java.util.List;
import java.util.Objects;

/**
 * A translatable text: a key of the clinical bundle and the arguments of its MessageFormat pattern. The words
 * are chosen only when it is shown, by {@link ClinicalText} for the reader's locale.
 *
 * @param key  a key of {@code org/outpost/app/clinical.properties}; empty for no text at all (an input a test
 *             model declares without a description) or for {@linkplain #verbatim words not behind a key}
 * @param args the pattern's arguments, in order (strings and numbers)
 */
public record Text(String key, List<Object> args) {
    public Text {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** The text with this key and these arguments. */
    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }

    /**
     * Words not behind a key (yet): shown as written in every language. Such a text has no key and the words
     * as its only argument.
     */
    public static Text verbatim(String words) {
        return new Text("", List.of(words));
    }

    /** No text at all: shown as nothing in every language (an optional note that does not apply). */
    public static Text empty() {
        return new Text("", List.of());
    }

    /**
     * The parts joined two by two with {@code pairKey}, a pattern of two arguments ("{0}; {1}"), from the left: "a; b;
     * c" is pairKey(pairKey(a, b), c). No parts is {@link #empty()}.
     */
    public static Text join(String pairKey, List<Text> parts) {
        if (parts.isEmpty()) {
            return empty();
        }
        Text joined = parts.getFirst();
        for (Text next : parts.subList(1, parts.size())) {
            joined = of(pairKey, joined, next);
        }
        return joined;
    }

    /** Whether this text is shown as written rather than looked up. */
    public boolean isVerbatim() {
        return key.isEmpty() && args.size() == 1;
    }

    /** This text in English, the bundle's base language (for the command line, JSON and logs of the model). */
    public String english() {
        return ClinicalText.english().format(this);
    }
}
