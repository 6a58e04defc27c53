package org.outpost.app.model;

import java.util.List;
import org.outpost.app.domain.Measure;

/** The range of one numeric input a model was validated on; outside it the model is not applicable. */
public record ValidatedRange(String input, String label, double min, double max, String unit) {

    /** Adds a reason to {@code reasons} when the input is present and outside this range. */
    public void check(ModelInputs in, List<String> reasons) {
        in.number(input).ifPresent(v -> {
            if (v < min || v > max) {
                reasons.add(label + " " + Measure.format(v) + " " + unit + " is outside the validated range "
                        + Measure.format(min) + "\u2013" + Measure.format(max) + " " + unit);
            }
        });
    }
}
