package org.outpost.app.whatif;

import java.util.Objects;
import org.outpost.app.model.ModelInputs;

/**
 * One what-if: set one input of a model to one value, e.g. {@code systolicBp = 120}. Never saved anywhere; the
 * screen shows the model's result on {@link #applyTo the changed inputs} beside the current one.
 *
 * @param kind  which standard scenario this is (the screen names it in the user's language)
 * @param input the model input that changes
 * @param value the value it takes, typed as {@link ModelInputs} holds it (Double, Boolean or a lower-case choice)
 */
public record WhatIf(Kind kind, String input, Object value) {

    /** The standard scenarios. */
    public enum Kind {
        /** Systolic pressure at the SPRINT intensive target, {@link WhatIfs#SBP_TARGET_MM_HG} mmHg. */
        SBP_AT_TARGET,
        /** Stopping smoking: a current smoker becomes a former smoker (or a non-smoker where the model has no such choice). */
        STOP_SMOKING,
        /** Starting a statin. */
        START_STATIN
    }

    public WhatIf {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(value, "value");
    }

    /** The inputs with this change made; {@code now} is left as it is. */
    public ModelInputs applyTo(ModelInputs now) {
        return now.with(input, value);
    }
}
