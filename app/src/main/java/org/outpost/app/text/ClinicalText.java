package org.outpost.app.text;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The clinical texts of the app in one language: resolves a {@link Text} (key and arguments) from the bundle
 * {@code org/outpost/app/clinical.properties} and its translations ({@code clinical_de.properties}, …) with
 * {@link MessageFormat} when it has arguments (as the desktop's strings are), so an apostrophe in a pattern with
 * arguments is written {@code ''} and one without arguments is written as it is. A locale without a translation,
 * or a key its translation lacks, falls back to English (the base bundle), never to the machine's default locale.
 *
 * <p>Immutable and thread-safe; make one per locale and pass it where texts are shown.
 */
public final class ClinicalText {
    /** Base name of the clinical bundle. */
    public static final String BUNDLE = "org.outpost.app.clinical";

    private static final ClinicalText ENGLISH = new ClinicalText(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;

    private ClinicalText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ClinicalText.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts in {@code locale}, falling back to English where there is no translation. */
    public static ClinicalText of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        return locale.getLanguage().equals("en") || locale.getLanguage().isEmpty() ? ENGLISH : new ClinicalText(locale);
    }

    /** The texts in English, the base bundle. */
    public static ClinicalText english() {
        return ENGLISH;
    }

    public Locale locale() {
        return locale;
    }

    /** Whether the bundle (or its English base) has this key. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The raw pattern of {@code key}, before formatting. */
    public String pattern(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No clinical text " + key, e);
        }
    }

    /**
     * The text in this language; arguments that are texts themselves are put in this language first. A key the
     * bundle does not have is shown as the key itself, so a missing translation is visible rather than fatal (the
     * bundle tests make sure the shipped models have all theirs).
     */
    public String format(Text text) {
        if (text.key().isEmpty()) {
            return text.isVerbatim() ? String.valueOf(text.args().getFirst()) : "";
        }
        if (!has(text.key())) {
            return text.key();
        }
        String pattern = pattern(text.key());
        if (text.args().isEmpty()) {
            return pattern;
        }
        // an argument that is itself a text (a label inside a reason) is shown in the same language
        Object[] args = text.args().stream().map(a -> a instanceof Text inner ? format(inner) : a).toArray();
        return new MessageFormat(pattern, locale).format(args);
    }

    /**
     * A person's name in this language's order ({@code name.familyGiven}: "Family, Given" in English); the family
     * name alone when there is no given name.
     */
    public String personName(String family, String given) {
        return given == null || given.isBlank() ? format("name.familyOnly", family)
                : format("name.familyGiven", family, given);
    }

    /**
     * A model's category in this language: {@code category.<code>} (spaces in the code as underscores, e.g.
     * {@code category.very_high}) when the bundle has it, else the code as the model wrote it (a CPIC phenotype, a
     * category that is a sentence).
     */
    public String category(String code) {
        String key = "category." + code.replace(' ', '_');
        return has(key) ? pattern(key) : code;
    }

    /** How this language writes a day ({@code format.date}, e.g. 2026-03-01). */
    public DateTimeFormatter dateFormatter() {
        return DateTimeFormatter.ofPattern(pattern("format.date"), locale);
    }

    /** How this language writes a day and a time of day ({@code format.dateTime}, e.g. 2026-03-01 10:00). */
    public DateTimeFormatter dateTimeFormatter() {
        return DateTimeFormatter.ofPattern(pattern("format.dateTime"), locale);
    }

    /** The text with this key and arguments in this language. */
    public String format(String key, Object... args) {
        return format(Text.of(key, args));
    }
}
