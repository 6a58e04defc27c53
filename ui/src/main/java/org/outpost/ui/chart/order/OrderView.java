package org.outpost.ui.chart.order;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.PopupWindow;
import org.controlsfx.control.textfield.TextFields;
import org.outpost.app.pgx.Indication;
import org.outpost.app.prescribing.AlertResponse;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.prescribing.OrderDraft;
import org.outpost.ui.controls.AlertCard;
import org.outpost.ui.controls.FieldErrors;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The order form of the chart: drug, dose, frequency and route, then the prescribing check's alerts, each
 * with its severity, advice, source and suggested dose, and a reason field when going ahead against it
 * needs one. Enter in a field runs the check.
 */
public final class OrderView {
    private final OrderViewModel model;
    private final UiText text;
    private final VBox root;
    private final VBox alertBox = new VBox(8);
    private final TextField drug = new TextField();

    public OrderView(OrderViewModel model, UiText text) {
        this.model = model;
        this.text = text;
        FieldErrors errors = new FieldErrors(260);

        drug.setId("order-drug");
        drug.setPromptText(text.get("order.drug.prompt"));
        drug.textProperty().bindBidirectional(model.drugProperty());
        // the suggestions close when the caret leaves the field, and a click elsewhere is not swallowed. The
        // popup is held as a PopupWindow: its own class is in a package ControlsFX does not export, which
        // the installed app (ControlsFX as a named module) would refuse with an IllegalAccessError
        PopupWindow suggestions = TextFields.bindAutoCompletion(drug, model.knownDrugs()).getAutoCompletionPopup();
        suggestions.setConsumeAutoHidingEvents(false);
        drug.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                suggestions.hide();
            }
        });
        TextField amount = new TextField();
        amount.setId("order-amount");
        amount.setPrefColumnCount(6);
        amount.textProperty().bindBidirectional(model.amountProperty());
        ComboBox<String> unit = new ComboBox<>();
        unit.setId("order-unit");
        unit.getItems().setAll(OrderDraft.UNITS.stream().sorted().toList());
        unit.valueProperty().bindBidirectional(model.unitProperty());
        ComboBox<String> frequency = new ComboBox<>();
        frequency.setId("order-frequency");
        frequency.getItems().setAll(OrderDraft.FREQUENCIES);
        frequency.valueProperty().bindBidirectional(model.frequencyProperty());
        ComboBox<String> route = new ComboBox<>();
        route.setId("order-route");
        route.getItems().setAll(List.of("oral", "intravenous", "subcutaneous", "intramuscular", "topical", "inhaled"));
        route.valueProperty().bindBidirectional(model.routeProperty());

        GridPane form = new GridPane(10, 8);
        form.addRow(0, Labels.forControl(text.get("order.drug"), drug), errors.attach(drug, model.errorProperty("drug")));
        HBox dose = new HBox(6, amount, unit);
        form.addRow(1, Labels.forControl(text.get("order.dose"), amount),
                errors.attach(amount, dose, model.errorProperty("amount")));
        form.addRow(2, Labels.forControl(text.get("order.frequency"), frequency),
                errors.attach(frequency, model.errorProperty("frequency")));
        form.addRow(3, Labels.forControl(text.get("order.route"), route), route);
        // asked only for a drug whose advice depends on it (CPIC clopidogrel: ACS/PCI, other CV, stroke/TIA)
        ComboBox<Indication> indication = new ComboBox<>(model.indications());
        indication.setId("order-indication");
        indication.setPromptText(text.get("order.indication.prompt"));
        indication.valueProperty().bindBidirectional(model.indicationProperty());
        indication.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Indication i) {
                return i == null ? "" : i.label();
            }

            @Override
            public Indication fromString(String s) {
                return null;
            }
        });
        Label indicationLabel = Labels.forControl(text.get("order.indication"), indication);
        form.addRow(4, indicationLabel, indication);
        for (javafx.scene.Node n : List.of(indicationLabel, indication)) {
            n.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.indications()));
            n.managedProperty().bind(n.visibleProperty());
        }
        drug.setOnAction(e -> model.check());
        amount.setOnAction(e -> model.check());

        Button check = Labels.button("order-check", text.get("order.check"), model::check);
        check.disableProperty().bind(model.busyProperty());
        Button save = Labels.button("order-save", text.get("order.save"), model::save);
        save.disableProperty().bind(model.canSaveProperty().not());
        save.setDefaultButton(false);
        Label status = new Label();
        status.setId("order-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Label stale = new Label(text.get("order.stale"));
        stale.setId("order-stale");
        stale.getStyleClass().add("risk-stale");
        stale.visibleProperty().bind(model.checkedProperty().not().and(javafx.beans.binding.Bindings.isNotEmpty(model.alerts())));
        stale.managedProperty().bind(stale.visibleProperty());
        HBox actions = new HBox(10, check, save, status);
        actions.setAlignment(Pos.CENTER_LEFT);

        alertBox.setId("order-alerts");
        model.alerts().addListener((ListChangeListener<AlertItem>) c -> {
            while (c.next()) {
                if (c.wasAdded() || c.wasRemoved() || c.wasReplaced() || c.wasPermutated()) {
                    rebuild();
                    return;
                }
            }
        });
        rebuild(); // the tab may be built after a check ran
        ScrollPane scroll = new ScrollPane(alertBox);
        scroll.setFitToWidth(true);
        scroll.setId("order-alerts-scroll");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);

        root = new VBox(12, Labels.heading(text.get("order.title")), form, actions, stale, scroll);
        root.setPadding(new Insets(12));
        root.setId("order-view");
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        drug.requestFocus();
    }

    private void rebuild() {
        alertBox.getChildren().clear();
        int i = 0;
        for (AlertItem item : model.alerts()) {
            alertBox.getChildren().add(card(item, i++));
        }
    }

    private Node card(AlertItem item, int index) {
        OrderAlert a = item.alert();
        VBox card = AlertCard.of(a, text, "order", index);
        if (a.suggested().isPresent() && a.differs()) {
            card.getChildren().add(Labels.button("order-alert-use-" + index, text.get("order.useSuggested"),
                    () -> model.useSuggestion(item)));
        }
        if (a.response() == AlertResponse.ANSWERED_BEFORE) {
            Label before = new Label(text.get("order.answeredBefore", a.reason()));
            before.setId("order-alert-answered-" + index);
            before.setWrapText(true);
            card.getChildren().add(before);
        } else if (a.needsAnswer()) {
            TextField reason = new TextField();
            reason.setId("order-alert-reason-" + index);
            reason.setPromptText(text.get("order.reason.prompt"));
            reason.textProperty().bindBidirectional(item.reasonProperty());
            card.getChildren().add(reason);
        }
        return card;
    }
}
