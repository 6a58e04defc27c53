package org.outpost.ui.controls;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Shows a view model's message for a field next to the field: a ControlsFX validation decoration on the
 * control (icon with tooltip) and the same words in a small label under it, on a line kept for it whether or not
 * there is a message, so nothing moves when one appears (a message longer than the line wraps). The message comes
 * from the view model, which holds the rules and checks as the user types; this class only displays it.
 */
public final class FieldErrors {
    private final ValidationSupport support = new ValidationSupport();
    private final double messageWidth;
    private final int reservedLines;

    /** Messages wrap at 360 pixels; one line is kept for each. */
    public FieldErrors() {
        this(360, 1);
    }

    /** Messages wrap at {@code messageWidth} pixels; one line is kept for each. */
    public FieldErrors(double messageWidth) {
        this(messageWidth, 1);
    }

    /**
     * Messages wrap at {@code messageWidth} pixels, and {@code reservedLines} lines are kept under each field
     * whether it has a message or not: only a message longer than that moves what is below it.
     */
    public FieldErrors(double messageWidth, int reservedLines) {
        this.messageWidth = messageWidth;
        this.reservedLines = reservedLines;
        support.setValidationDecorator(new GraphicValidationDecoration());
    }

    /**
     * Decorates {@code control} while {@code error} holds a non-empty message and returns the control
     * with its message label beneath, ready to lay out.
     */
    public Node attach(Control control, ObservableValue<String> error) {
        return attach(control, control, error);
    }

    /**
     * Decorates {@code control} and returns {@code row} (the control with whatever stands beside it, a
     * unit chooser say) with the message label beneath.
     */
    public Node attach(Control control, Node row, ObservableValue<String> error) {
        support.registerValidator(control, false,
                (Control c, Object value) -> ValidationResult.fromErrorIf(c, nonNull(error.getValue()),
                        !nonNull(error.getValue()).isEmpty()));
        error.addListener((obs, old, now) -> support.revalidate(control));
        Label message = new Label();
        message.getStyleClass().add("field-error");
        message.textProperty().bind(error.map(FieldErrors::nonNull).orElse(""));
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        // the lines stay laid out while empty, so a message that appears or clears moves nothing: not the field,
        // not the fields below (a line of 12 px text is ~16 px high; 1.5 em is kept for each)
        message.minHeightProperty().bind(message.fontProperty().map(f -> reservedLines * f.getSize() * 1.5));
        message.setWrapText(true);
        message.setId(control.getId() == null ? null : control.getId() + "-error");
        message.setMaxWidth(messageWidth);
        message.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        VBox box = new VBox(2, row, message);
        box.setFillWidth(true);
        return box;
    }

    /** True while any attached field shows a message. */
    public ValidationSupport support() {
        return support;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
