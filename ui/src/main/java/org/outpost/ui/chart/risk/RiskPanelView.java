package org.outpost.ui.chart.risk;

import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The chart's "Risk" tab: a card per model with its result first, the latest decision (marked when stale),
 * Acknowledge / Accept into plan / Override… when there is a result to decide on (the override asks for a
 * reason), a collapsible explanation with every input (editable for a what-if), its source, each
 * contribution and the side-by-side what-ifs, and the model id, version and source last. Binds and lays out only.
 */
public final class RiskPanelView {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass NOT_APPLICABLE = PseudoClass.getPseudoClass("not-applicable");

    private final RiskPanelViewModel model;
    private final UiText text;
    private final VBox cards = new VBox(12);
    private final ScrollPane root;

    public RiskPanelView(RiskPanelViewModel model, UiText text) {
        this.model = model;
        this.text = text;
        Label error = new Label();
        error.setId("risk-error");
        error.getStyleClass().add("field-error");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label loading = new Label(text.get("chart.risk.loading"));
        loading.visibleProperty().bind(model.loadingProperty());
        loading.managedProperty().bind(loading.visibleProperty());
        VBox page = new VBox(10, error, loading, cards);
        page.setPadding(new Insets(10));
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("risk-panel");
        model.cards().addListener((ListChangeListener<RiskCardViewModel>) c -> rebuild());
        rebuild();
        root.sceneProperty().flatMap(javafx.scene.Scene::focusOwnerProperty).subscribe(this::reveal);
    }

    /** Scrolls a control that gets the keyboard focus into sight (cards run below the fold). */
    private void reveal(Node focused) {
        if (focused == null || !isInside(focused)) {
            return;
        }
        Node content = root.getContent();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = root.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double top = root.getVvalue() * (contentHeight - viewport);
        if (b.getMinY() < top) {
            root.setVvalue(b.getMinY() / (contentHeight - viewport));
        } else if (b.getMaxY() > top + viewport) {
            root.setVvalue(Math.min(1, (b.getMaxY() - viewport) / (contentHeight - viewport)));
        }
    }

    private boolean isInside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == root) {
                return true;
            }
        }
        return false;
    }

    public Node root() {
        return root;
    }

    private void rebuild() {
        cards.getChildren().setAll(model.cards().stream().map(this::card).toList());
    }

    /**
     * One card, read top to bottom: the title, the result (number and category, the only bold text), the latest
     * decision, the decisions it allows (none when there is no result), the inputs and their sources behind the
     * explanation, and the model's id, version and citation last and small.
     */
    private Node card(RiskCardViewModel card) {
        String id = card.ref().id();
        Label title = new Label(card.title());
        title.getStyleClass().add("risk-title");
        Label result = new Label();
        result.setId("risk-result-" + id);
        result.getStyleClass().add("risk-result");
        result.setWrapText(true);
        result.textProperty().bind(card.resultProperty());
        card.applicableProperty().subscribe(a -> result.pseudoClassStateChanged(NOT_APPLICABLE, !a));

        Label decision = new Label();
        decision.setId("risk-decision-" + id);
        decision.setWrapText(true);
        decision.textProperty().bind(card.decisionProperty());
        Label stale = new Label();
        stale.setId("risk-stale-" + id);
        stale.getStyleClass().add("risk-stale");
        stale.textProperty().bind(card.staleTextProperty());
        stale.visibleProperty().bind(card.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        card.staleProperty().subscribe(s -> decision.pseudoClassStateChanged(STALE, s));

        Button acknowledge = Labels.button("risk-acknowledge-" + id, text.get("chart.risk.acknowledge"), card::acknowledge);
        Button accept = Labels.button("risk-accept-" + id, text.get("chart.risk.accept"), card::acceptIntoPlan);
        Button override = Labels.button("risk-override-" + id, text.get("chart.risk.override"),
                () -> askReason(card).ifPresent(card::override));
        for (Button b : new Button[] {acknowledge, accept, override}) {
            b.disableProperty().bind(card.busyProperty());
        }
        HBox decisions = new HBox(8, acknowledge, accept, override);
        decisions.setId("risk-actions-" + id);
        decisions.visibleProperty().bind(card.decidableProperty());
        decisions.managedProperty().bind(decisions.visibleProperty());
        Label nothing = new Label();
        nothing.setId("risk-nothing-" + id);
        nothing.getStyleClass().add("muted");
        nothing.textProperty().bind(card.nothingToDecideProperty());
        nothing.visibleProperty().bind(card.decidableProperty().not());
        nothing.managedProperty().bind(nothing.visibleProperty());
        Label status = new Label();
        status.setId("risk-status-" + id);
        status.textProperty().bind(card.statusProperty());
        HBox actions = new HBox(8, decisions, nothing, status);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TitledPane explanation = new TitledPane(text.get("chart.risk.explain"), explanation(card));
        explanation.setId("risk-explain-" + id);
        explanation.setExpanded(false);
        explanation.setMnemonicParsing(true);

        Label reference = new Label(card.reference());
        reference.setId("risk-reference-" + id);
        reference.getStyleClass().add("risk-reference");
        reference.setWrapText(true);

        VBox box = new VBox(6, title, result, decision, stale, actions, explanation, reference);
        if (card.hasModelCard()) {
            // a learned model: its explanation as bars beside the result, and its card a click away
            Button open = Labels.button("risk-model-card-" + id, text.get("chart.risk.modelCard"),
                    () -> card.modelCard().ifPresent(modelCard ->
                            org.outpost.ui.models.ModelCardWindow.open(root.getScene().getWindow(), modelCard, text)));
            int at = box.getChildren().indexOf(result); // before result moves into the row beside its bars
            HBox beside = new HBox(16, new VBox(6, result, open), bars(card));
            HBox.setHgrow(beside.getChildren().getFirst(), Priority.ALWAYS);
            box.getChildren().add(at, beside);
        }
        box.getStyleClass().add("risk-card");
        box.setId("risk-card-" + id);
        box.setPadding(new Insets(10));
        return box;
    }

    /** The contributions as horizontal bars: red to the right raises the result, green to the left lowers it. */
    private Node bars(RiskCardViewModel card) {
        String id = card.ref().id();
        GridPane grid = new GridPane();
        grid.setId("risk-bars-" + id);
        grid.getStyleClass().add("risk-bars");
        grid.setHgap(6);
        grid.setVgap(2);
        double half = 90; // pixels for the largest term on either side of the axis
        Runnable fill = () -> {
            grid.getChildren().clear();
            Label heading = new Label(text.get("chart.risk.contributions"));
            heading.getStyleClass().add("risk-subheading");
            grid.add(heading, 0, 0, 3, 1);
            int row = 1;
            for (RiskCardViewModel.Bar bar : card.bars()) {
                Region left = new Region();
                Region right = new Region();
                Region drawn = bar.amount() > 0 ? right : left;
                drawn.getStyleClass().add(bar.amount() > 0 ? "risk-bar-up" : "risk-bar-down");
                drawn.setMinSize(Math.max(1, bar.relative() * half), 12);
                drawn.setMaxSize(Math.max(1, bar.relative() * half), 12);
                HBox leftSide = new HBox(left);
                leftSide.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
                leftSide.setMinWidth(half);
                HBox rightSide = new HBox(right);
                rightSide.setMinWidth(half);
                Label name = new Label(bar.label());
                Label value = new Label(bar.text());
                HBox axis = new HBox(leftSide, rightSide);
                axis.getStyleClass().add("risk-bar-axis");
                grid.addRow(row++, name, axis, value);
            }
        };
        card.bars().addListener((ListChangeListener<RiskCardViewModel.Bar>) c -> fill.run());
        fill.run();
        return grid;
    }

    private Node explanation(RiskCardViewModel card) {
        String id = card.ref().id();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.addRow(0, header("chart.risk.column.input"), header("chart.risk.column.value"),
                header("chart.risk.column.unit"), header("chart.risk.column.source"));
        int row = 1;
        for (InputField f : card.inputs()) {
            Control editor = editor(f, "risk-input-" + id + "-" + f.name());
            Label label = new Label(f.label());
            label.setLabelFor(editor);
            label.setWrapText(true);
            label.setMaxWidth(320);
            Label source = new Label();
            source.setId("risk-source-" + id + "-" + f.name());
            source.textProperty().bind(f.sourceProperty());
            source.setWrapText(true);
            Label estimated = new Label();
            estimated.setId("risk-estimated-" + id + "-" + f.name());
            estimated.getStyleClass().add("risk-estimated");
            estimated.setWrapText(true);
            estimated.textProperty().bind(f.estimatedProperty());
            estimated.visibleProperty().bind(f.estimatedProperty().isNotEmpty());
            estimated.managedProperty().bind(f.estimatedProperty().isNotEmpty());
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.textProperty().bind(f.errorProperty());
            VBox value = new VBox(2, editor, error);
            error.managedProperty().bind(f.errorProperty().isNotEmpty());
            grid.addRow(row++, label, value, new Label(f.unit()), new VBox(2, source, estimated));
        }
        Label contributionsTitle = new Label(text.get("chart.risk.contributions"));
        contributionsTitle.getStyleClass().add("risk-subheading");
        VBox contributions = new VBox(2);
        contributions.setId("risk-contributions-" + id);
        Runnable fillContributions = () -> contributions.getChildren().setAll(
                card.contributions().stream().map(Label::new).toList());
        card.contributions().addListener((ListChangeListener<String>) c -> fillContributions.run());
        fillContributions.run();

        Label whatIfTitle = new Label(text.get("chart.risk.whatIf"));
        whatIfTitle.getStyleClass().add("risk-subheading");
        GridPane whatIfs = new GridPane();
        whatIfs.setId("risk-whatif-" + id);
        whatIfs.setHgap(16);
        whatIfs.setVgap(4);
        Runnable fillWhatIfs = () -> {
            whatIfs.getChildren().clear();
            whatIfs.addRow(0, header("chart.risk.column.scenario"), header("chart.risk.column.current"),
                    header("chart.risk.column.whatIf"));
            int r = 1;
            for (Comparison c : card.comparisons()) {
                whatIfs.addRow(r++, new Label(c.scenario()), new Label(c.current()), new Label(c.whatIf()));
            }
            if (card.comparisons().isEmpty()) {
                whatIfs.addRow(1, new Label(text.get("chart.risk.noWhatIf")));
            }
        };
        card.comparisons().addListener((ListChangeListener<Comparison>) c -> fillWhatIfs.run());
        fillWhatIfs.run();
        Button reset = Labels.button("risk-reset-" + id, text.get("chart.risk.reset"),
                () -> card.inputs().forEach(InputField::reset));
        Label hint = new Label(text.get("chart.risk.whatIfHint"));
        hint.setWrapText(true);
        return new VBox(8, hint, grid, reset, contributionsTitle, contributions, whatIfTitle, whatIfs);
    }

    private static Control editor(InputField f, String id) {
        if (f.isNumber()) {
            TextField field = new TextField();
            field.setId(id);
            field.setPrefColumnCount(8);
            field.textProperty().bindBidirectional(f.textProperty());
            return field;
        }
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add("");
        box.getItems().addAll(f.choices());
        box.valueProperty().bindBidirectional(f.textProperty());
        return box;
    }

    private Label header(String key) {
        Label l = new Label(text.get(key));
        l.getStyleClass().add("column-header-label");
        return l;
    }

    /** The override dialog: a reason is required (Save stays disabled while it is blank). */
    private Optional<String> askReason(RiskCardViewModel card) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(text.get("chart.risk.overrideTitle", card.title()));
        dialog.setHeaderText(text.get("chart.risk.overrideHeader", card.title()));
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        TextArea reason = new TextArea();
        reason.setId("risk-override-reason");
        reason.setPrefRowCount(4);
        reason.setWrapText(true);
        Label label = Labels.forControl(text.get("chart.risk.reason"), reason);
        ButtonType save = new ButtonType(text.get("chart.risk.saveOverride"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(text.get("chart.risk.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(save, cancel);
        dialog.getDialogPane().setContent(new VBox(6, label, reason));
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("risk-override-save");
        saveButton.disableProperty().bind(reason.textProperty().map(String::isBlank));
        dialog.setResultConverter(b -> b == save ? reason.getText() : null);
        dialog.setOnShown(e -> reason.requestFocus());
        return dialog.showAndWait();
    }
}
