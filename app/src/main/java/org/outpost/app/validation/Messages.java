package org.outpost.app.validation;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Turns message keys of the domain into text in the user's language. */
public final class Messages {
    private static final String BUNDLE = "org.outpost.app.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
    }

    public String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public String text(Violation v) {
        return text(v.key(), v.args().toArray());
    }

    public ResourceBundle bundle() {
        return bundle;
    }
}
