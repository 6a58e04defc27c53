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
 * control (icon with tooltip) and the same words in a small label under it. The message comes from the
 * view model, which holds the rules; this class only displays it.
 */
public final class FieldErrors {
    private final ValidationSupport support = new ValidationSupport();
    private final double messageWidth;

    /** Messages wrap at 360 pixels. */
    public FieldErrors() {
        this(360);
    }

    /** Messages wrap at {@code messageWidth} pixels. */
    public FieldErrors(double messageWidth) {
        this.messageWidth = messageWidth;
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
        message.managedProperty().bind(message.visibleProperty());
        message.setWrapText(true);
        message.setId(control.getId() == null ? null : control.getId() + "-error");
        message.setMaxWidth(messageWidth);
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
