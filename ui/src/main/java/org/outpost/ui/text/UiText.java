package org.outpost.ui.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Sex;
import org.outpost.app.text.ClinicalText;
import org.outpost.app.text.Text;
import org.outpost.app.validation.Messages;
import org.outpost.app.validation.Violation;

/**
 * Every user-facing string of the desktop app: the screens' own words from
 * {@code org/outpost/ui/strings.properties}, the domain's messages (validation, measure names, roles)
 * from the app's {@code messages.properties} and the clinical texts (model inputs, reasons) from its
 * {@code clinical.properties}. A second language is a second pair of properties files, no code change.
 */
public final class UiText {
    /** Base name of the desktop strings bundle. */
    public static final String BUNDLE = "org.outpost.ui.strings";

    private final Locale locale;
    private final ResourceBundle bundle;
    private final Messages domain;
    private final ClinicalText clinical;

    public UiText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
        this.domain = new Messages(locale);
        this.clinical = ClinicalText.of(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** A desktop string, formatted with {@link MessageFormat} when arguments are given. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A domain message for a refused input. */
    public String violation(Violation violation) {
        return domain.text(violation);
    }

    /** What the user's role may not do, in words ("Your role (clinician) may not manage user accounts."). */
    public String notPermitted(org.outpost.app.usecase.NotPermittedException refused) {
        return refused.text(domain);
    }

    /** A clinical text of the app (a model input's description, a reason) in this language. */
    public String clinical(Text clinicalText) {
        return clinical.format(clinicalText);
    }

    /** A model's result category in this language, or as the model wrote it where the bundle has no words for it. */
    public String category(String code) {
        return clinical.category(code);
    }

    /** What a model input is, in this language; its name when the model gives no description. */
    public String input(org.outpost.app.model.InputSpec spec) {
        String described = spec.description(clinical);
        return described.isBlank() ? spec.name() : described;
    }

    /** The app's clinical texts in this language, for code that takes them directly. */
    public ClinicalText clinicalTexts() {
        return clinical;
    }

    /** A domain message by key. */
    public String domain(String key, Object... args) {
        return domain.text(key, args);
    }

    public String measure(Measure measure) {
        return domain.text("measure." + measure.name());
    }

    public String role(Role role) {
        return domain.text("role." + role.name());
    }

    /** A prescribing alert's severity as shown on its badge. */
    public String severity(org.outpost.app.model.Severity severity) {
        return get(switch (severity) {
            case HIGH -> "order.severity.high";
            case MODERATE -> "order.severity.moderate";
            case LOW -> "order.severity.low";
        });
    }

    public String sex(Sex sex) {
        return domain.text("sex." + sex.name());
    }

    /** The domain messages, for code that takes them directly. */
    public Messages messages() {
        return domain;
    }
}
