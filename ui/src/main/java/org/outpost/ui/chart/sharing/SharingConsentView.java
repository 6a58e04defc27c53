package org.outpost.ui.chart.sharing;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.outpost.app.domain.Consent;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The sharing line of the chart header and its editor below it: give or refuse (genotypes ticked separately), or,
 * while consent is given, change genotypes or withdraw after a confirmation that says what a withdrawal does. Only
 * binds and lays out; {@link SharingConsentViewModel} holds the state.
 */
public final class SharingConsentView {
    private final VBox root;

    public SharingConsentView(SharingConsentViewModel model, UiText text) {
        this(model, null, text);
    }

    /**
     * The sharing line with a "What was sent" action, which opens the last bundle the server confirmed below it.
     *
     * @param sent what was sent for the patient, or null for a line without it
     */
    public SharingConsentView(SharingConsentViewModel model, SentSummaryViewModel sent, UiText text) {
        Label status = new Label();
        status.setId("chart-sharing");
        status.getStyleClass().add("sharing");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.sharingProperty().addListener((o, a, on) -> status.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("sharing"), on));
        status.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("sharing"), model.sharingProperty().get());
        Button edit = Labels.button("chart-sharing-edit", text.get("chart.sharing.edit"), model::edit);
        edit.visibleProperty().bind(model.mayEditProperty().and(model.editingProperty().not()));
        edit.managedProperty().bind(edit.visibleProperty());
        HBox line = new HBox(8, status, edit);
        line.setAlignment(Pos.CENTER_LEFT);
        if (sent != null) {
            line.getChildren().add(Labels.button("chart-sharing-sent", text.get("chart.sharing.sent"), sent::open));
        }

        Label message = new Label();
        message.setId("chart-sharing-message");
        message.getStyleClass().add("sharing-notice");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        showWhen(message, model.messageProperty().isNotEmpty());

        root = new VBox(4, line, message, editor(model, text));
        if (sent != null) {
            root.getChildren().add(sentPane(sent, text));
        }
        root.setId("chart-sharing-pane");
    }

    private static Node editor(SharingConsentViewModel model, UiText text) {
        ToggleGroup answers = new ToggleGroup();
        RadioButton give = new RadioButton(text.get("chart.sharing.give"));
        give.setId("chart-sharing-give");
        give.setMnemonicParsing(true);
        give.setToggleGroup(answers);
        give.setUserData(Consent.GIVEN);
        RadioButton refuse = new RadioButton(text.get("chart.sharing.refuse"));
        refuse.setId("chart-sharing-refuse");
        refuse.setMnemonicParsing(true);
        refuse.setToggleGroup(answers);
        refuse.setUserData(Consent.REFUSED);
        refuse.disableProperty().bind(model.givenProperty());
        answers.selectedToggleProperty().addListener((o, a, t) -> model.answerProperty().set(
                t == null ? null : (Consent) t.getUserData()));
        model.answerProperty().addListener((o, a, c) -> answers.selectToggle(
                c == Consent.GIVEN ? give : c == Consent.REFUSED ? refuse : null));

        CheckBox genotypes = new CheckBox(text.get("chart.sharing.genotypes"));
        genotypes.setId("chart-sharing-genotypes");
        genotypes.setMnemonicParsing(true);
        genotypes.selectedProperty().bindBidirectional(model.genotypesProperty());
        genotypes.disableProperty().bind(model.genotypesAllowedProperty().not());

        Button save = Labels.button("chart-sharing-save", text.get("chart.sharing.save"), model::save);
        save.setDefaultButton(true);
        Button withdraw = Labels.button("chart-sharing-withdraw", text.get("chart.sharing.withdraw"),
                model::askToWithdraw);
        showWhen(withdraw, model.givenProperty());
        Button cancel = Labels.button("chart-sharing-cancel", text.get("chart.sharing.cancel"), model::cancel);
        cancel.setCancelButton(true);
        HBox buttons = new HBox(8, save, withdraw, cancel);
        buttons.disableProperty().bind(model.busyProperty());

        Label consequence = new Label(text.get("chart.sharing.withdrawConfirm"));
        consequence.setWrapText(true);
        Button confirm = Labels.button("chart-sharing-withdraw-confirm", text.get("chart.sharing.withdrawYes"),
                model::withdraw);
        confirm.disableProperty().bind(model.busyProperty());
        HBox confirmation = new HBox(8, consequence, confirm);
        confirmation.setAlignment(Pos.CENTER_LEFT);
        showWhen(confirmation, model.confirmingWithdrawalProperty());

        Label problem = new Label();
        problem.setId("chart-sharing-error");
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.errorProperty());
        showWhen(problem, model.errorProperty().isNotEmpty());

        VBox editor = new VBox(6, new HBox(12, give, refuse), genotypes, buttons, confirmation, problem);
        editor.setId("chart-sharing-editor");
        editor.getStyleClass().add("sharing-editor");
        showWhen(editor, model.editingProperty());
        return editor;
    }

    /** What was sent: when, the waiting line, and the exact bundle, read-only in a monospace, scrolling area. */
    private static Node sentPane(SentSummaryViewModel sent, UiText text) {
        Label heading = new Label();
        heading.setId("chart-sharing-sent-heading");
        heading.getStyleClass().add("sent-heading");
        heading.setWrapText(true);
        heading.textProperty().bind(sent.headingProperty());
        Button close = Labels.button("chart-sharing-sent-close", text.get("common.close"), sent::close);
        close.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, close);
        top.setAlignment(Pos.CENTER_LEFT);

        Label waiting = new Label();
        waiting.setId("chart-sharing-sent-waiting");
        waiting.setWrapText(true);
        waiting.textProperty().bind(sent.waitingProperty());
        showWhen(waiting, sent.waitingProperty().isNotEmpty());

        TextArea json = new TextArea();
        json.setId("chart-sharing-sent-json");
        json.getStyleClass().add("bundle-json");
        json.setEditable(false);
        json.setWrapText(false);
        json.setPrefRowCount(14);
        json.textProperty().bind(sent.bundleProperty());
        showWhen(json, sent.bundleProperty().isNotEmpty());

        Label problem = new Label();
        problem.setId("chart-sharing-sent-error");
        problem.getStyleClass().add("error");
        problem.setWrapText(true);
        problem.textProperty().bind(sent.errorProperty());
        showWhen(problem, sent.errorProperty().isNotEmpty());

        VBox pane = new VBox(6, top, waiting, json, problem);
        pane.setId("chart-sharing-sent-pane");
        pane.getStyleClass().add("sent-pane");
        showWhen(pane, sent.showingProperty());
        return pane;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableValue<Boolean> condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    public Node root() {
        return root;
    }
}
