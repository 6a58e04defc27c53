package org.outpost.ui.chart.risk;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.outpost.app.model.InputSpec;

/**
 * One model input on the risk panel: the text the clinician may change for a what-if (never saved to the
 * chart), where the value came from, and why the text is refused, if it is.
 */
public final class InputField {
    private final InputSpec spec;
    private final String label;
    private final List<String> choices;
    private final String chartText;
    private final String chartSource;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper estimated = new ReadOnlyStringWrapper(this, "estimated", "");

    /**
     * @param chartText   the value as first shown ("" when neither the chart nor an earlier decision had one)
     * @param chartSource where that value came from, in words
     * @param entered     what to show as the source once the clinician changes the value
     * @param choices     what a choice or yes/no input may be set to
     */
    InputField(InputSpec spec, String label, List<String> choices, String chartText, String chartSource, String entered) {
        this.spec = Objects.requireNonNull(spec);
        this.label = label;
        this.choices = List.copyOf(choices);
        this.chartText = chartText;
        this.chartSource = chartSource;
        text.set(chartText);
        source.set(chartSource);
        text.addListener((o, a, b) -> source.set(b.strip().equals(chartText) ? chartSource : entered));
    }

    public InputSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The input's description as the model words it. */
    public String label() {
        return label;
    }

    /** The unit a number is read in (a number may also be typed with another unit of its measure). */
    public String unit() {
        return spec.unit();
    }

    /** Values offered for choice and yes/no inputs (empty for numbers). */
    public List<String> choices() {
        return choices;
    }

    public boolean isNumber() {
        return spec.kind() == InputSpec.Kind.NUMBER;
    }

    /** The value as text: a number (optionally with a unit), a choice, or yes/no; blank means missing. */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * When the value is blank and the model filled it in itself (QRISK3's mean BMI, for instance): the value it used
     * and how, marked as estimated; empty otherwise.
     */
    public ReadOnlyStringProperty estimatedProperty() {
        return estimated.getReadOnlyProperty();
    }

    /** Puts the value back to what the chart (or the earlier decision) said. */
    public void reset() {
        text.set(chartText);
    }

    void setError(String message) {
        error.set(message);
    }

    void setEstimated(String message) {
        estimated.set(message);
    }
}
