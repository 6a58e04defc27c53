package org.outpost.ui.models;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The "Models and content" screen: the models in force (a learned one with a button that opens its card in its
 * own window), the clinical tables in force with where each comes from, and refused updates as warnings.
 */
public final class ModelsAndContentView {
    private final BorderPane root = new BorderPane();
    private final TableView<ModelsAndContentViewModel.ModelRow> models;

    public ModelsAndContentView(ModelsAndContentViewModel model, UiText text) {
        models = new TableView<>(model.models());
        models.setId("models-table");
        models.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        models.getColumns().add(column(text.get("models.column.id"), ModelsAndContentViewModel.ModelRow::id, 150));
        models.getColumns().add(column(text.get("models.column.name"), ModelsAndContentViewModel.ModelRow::name,
                240));
        models.getColumns().add(column(text.get("models.column.version"),
                ModelsAndContentViewModel.ModelRow::version, 80));
        models.getColumns().add(cardColumn(model, text));
        models.getColumns().add(column(text.get("models.column.source"), ModelsAndContentViewModel.ModelRow::source,
                420));
        VBox.setVgrow(models, Priority.ALWAYS);

        TableView<ModelsAndContentViewModel.TableRow> tables = new TableView<>(model.tables());
        tables.setId("models-tables");
        tables.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tables.getColumns().add(column(text.get("models.column.table"), ModelsAndContentViewModel.TableRow::name,
                190));
        tables.getColumns().add(column(text.get("models.column.version"),
                ModelsAndContentViewModel.TableRow::version, 90));
        tables.getColumns().add(column(text.get("models.column.from"), ModelsAndContentViewModel.TableRow::from,
                260));
        tables.getColumns().add(column(text.get("models.column.created"),
                ModelsAndContentViewModel.TableRow::created, 160));
        tables.getColumns().add(column(text.get("models.column.signedBy"),
                ModelsAndContentViewModel.TableRow::signedBy, 260));
        tables.setPrefHeight(190);
        tables.setMinHeight(150);

        VBox problems = new VBox(4);
        problems.setId("models-problems");
        Label problemsTitle = new Label(text.get("models.refusedTitle"));
        problemsTitle.getStyleClass().add("section");
        Runnable fillProblems = () -> {
            problems.getChildren().setAll(model.problems().stream().map(p -> {
                Label l = new Label(p);
                l.setWrapText(true);
                l.getStyleClass().add("model-card-warning");
                return l;
            }).toList());
            if (!model.problems().isEmpty()) {
                problems.getChildren().addFirst(problemsTitle);
            }
        };
        model.problems().addListener((ListChangeListener<String>) c -> fillProblems.run());
        fillProblems.run();
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.problems()));
        problems.managedProperty().bind(problems.visibleProperty());

        Label intro = new Label(text.get("models.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("muted");
        Label status = new Label();
        status.setId("models-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Label modelsTitle = new Label(text.get("models.section.models"));
        modelsTitle.getStyleClass().add("section");
        Label tablesTitle = new Label(text.get("models.section.tables"));
        tablesTitle.getStyleClass().add("section");

        VBox body = new VBox(8, intro, status, modelsTitle, models, tablesTitle, tables, problems);
        root.setTop(Labels.heading(text.get("models.title")));
        root.setCenter(body);
        root.setPadding(new Insets(14));
        root.setId("models-view");
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        models.requestFocus();
    }

    /** A button on a learned model's row that opens its card in its own window. */
    private TableColumn<ModelsAndContentViewModel.ModelRow, ModelsAndContentViewModel.ModelRow> cardColumn(
            ModelsAndContentViewModel model, UiText text) {
        TableColumn<ModelsAndContentViewModel.ModelRow, ModelsAndContentViewModel.ModelRow> column =
                new TableColumn<>(text.get("models.column.card"));
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ModelsAndContentViewModel.ModelRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(null);
                if (empty || row == null || !row.learned()) {
                    setGraphic(null);
                    return;
                }
                Button open = Labels.button("models-card-" + row.id(), text.get("models.card"),
                        () -> row.card().ifPresent(card -> ModelCardWindow.open(root.getScene().getWindow(), card,
                                text)));
                setGraphic(open);
            }
        });
        column.setPrefWidth(120);
        column.setSortable(false);
        return column;
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
