package org.outpost.app.model;

import java.util.List;
import org.outpost.app.domain.Measure;
import org.outpost.app.text.Text;

/**
 * The range of one numeric input a model was validated on; outside it the model is not applicable.
 *
 * @param labelKey the key of the input's short name in the clinical bundle, e.g. {@code label.totalCholesterol}
 */
public record ValidatedRange(String input, String labelKey, double min, double max, String unit) {

    /** Adds a reason to {@code reasons} when the input is present and outside this range. */
    public void check(ModelInputs in, List<Text> reasons) {
        in.number(input).ifPresent(v -> {
            if (v < min || v > max) {
                reasons.add(Text.of("reason.outsideValidatedRange", Text.of(labelKey), Measure.format(v), unit,
                        Measure.format(min), Measure.format(max)));
            }
        });
    }
}
