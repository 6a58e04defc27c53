package org.outpost.ui.patient.edit;

import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Sex;
import org.outpost.app.usecase.AllergyDraft;
import org.outpost.app.usecase.DuplicateCandidate;
import org.outpost.ui.controls.DateFields;
import org.outpost.ui.controls.FieldErrors;
import org.outpost.ui.controls.Keys;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/**
 * The registration / demographics form, with each field's message next to it, and the "is this the
 * same person?" review laid over it when likely duplicates were found. Esc cancels.
 */
public final class PatientFormView {
    private final StackPane root = new StackPane();
    private final TextField familyName = new TextField();
    private final VBox review = new VBox(10);

    public PatientFormView(PatientFormViewModel model, UiText text, Runnable onCancel) {
        TextField mrn = field("patient-mrn", model.mrnProperty());
        familyName.setId("patient-family-name");
        familyName.textProperty().bindBidirectional(model.familyNameProperty());
        TextField givenName = field("patient-given-name", model.givenNameProperty());
        ComboBox<Sex> sex = new ComboBox<>();
        sex.setId("patient-sex");
        sex.getItems().setAll(Sex.values());
        sex.setConverter(converter(text::sex));
        sex.valueProperty().bindBidirectional(model.sexProperty());
        DatePicker birthDate = DateFields.picker("patient-birth-date", model.birthDateTextProperty());
        TextField address = field("patient-address", model.addressProperty());
        TextField phone = field("patient-phone", model.phoneProperty());
        ComboBox<Consent> consent = new ComboBox<>();
        consent.setId("patient-consent");
        // the first answer is recorded here; afterwards the consent changes in the chart (Sharing), where a
        // withdrawal also drops what waits to be sent
        if (model.isNew()) {
            consent.getItems().setAll(Consent.UNKNOWN, Consent.GIVEN, Consent.REFUSED);
        } else {
            consent.getItems().setAll(model.consentProperty().get());
            consent.setDisable(true);
            consent.setTooltip(new javafx.scene.control.Tooltip(text.get("patient.consent.inChart")));
        }
        consent.setConverter(converter(c -> text.domain("consent." + c.name())));
        consent.valueProperty().bindBidirectional(model.consentProperty());
        VBox allergies = allergies(model, text);
        mrn.setPromptText(text.get("patient.mrn.prompt"));

        FieldErrors errors = new FieldErrors();
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMaxWidth(420);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        grid.addRow(row++, Labels.forControl(text.get("patient.familyName"), familyName),
                errors.attach(familyName, model.errorProperty("familyName")));
        grid.addRow(row++, Labels.forControl(text.get("patient.givenName"), givenName),
                errors.attach(givenName, model.errorProperty("givenName")));
        grid.addRow(row++, Labels.forControl(text.get("patient.sex"), sex),
                errors.attach(sex, model.errorProperty("sex")));
        grid.addRow(row++, Labels.forControl(text.get("patient.birthDate"), birthDate),
                errors.attach(birthDate, model.errorProperty("birthDate")));
        grid.addRow(row++, Labels.forControl(text.get("patient.mrn"), mrn),
                errors.attach(mrn, model.errorProperty("mrn")));
        grid.addRow(row++, Labels.forControl(text.get("patient.phone"), phone),
                errors.attach(phone, model.errorProperty("phone")));
        grid.addRow(row++, Labels.forControl(text.get("patient.address"), address), address);
        grid.addRow(row++, Labels.forControl(text.get("patient.allergies"), allergies.lookup("#patient-allergies-not-recorded")),
                errors.attach((javafx.scene.control.Control) allergies.lookup("#patient-allergy-substance"), allergies,
                        model.errorProperty("allergies")));
        grid.addRow(row, Labels.forControl(text.get("patient.consent"), consent), consent);

        Label formError = new Label();
        formError.getStyleClass().add("form-error");
        formError.textProperty().bind(model.formErrorProperty());
        Button save = Labels.button("patient-save", text.get("patient.save"), model::save);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        Button cancel = Labels.button("patient-cancel", text.get("common.cancel"), onCancel);
        HBox actions = new HBox(10, save, cancel);

        VBox form = new VBox(12, Labels.heading(text.get(model.isNew() ? "patient.newTitle" : "patient.editTitle")),
                grid, formError, actions);
        form.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        form.disableProperty().bind(model.reviewingDuplicatesProperty());

        buildReview(model, text);
        review.visibleProperty().bind(model.reviewingDuplicatesProperty());
        review.managedProperty().bind(review.visibleProperty());
        StackPane overlay = new StackPane(review);
        overlay.getStyleClass().add("scrim");
        overlay.visibleProperty().bind(model.reviewingDuplicatesProperty());

        root.getChildren().addAll(scroll, overlay);
        root.setId("patient-form");
        Keys.submitOnEnter(form, model::save);
        Keys.closeOnEscape(form, onCancel);
        Keys.closeOnEscape(review, model::backToForm);
    }

    private void buildReview(PatientFormViewModel model, UiText text) {
        review.getStyleClass().add("sheet");
        review.setId("duplicate-review");
        review.setMaxSize(620, Region.USE_PREF_SIZE);
        Label question = Labels.heading(text.get("duplicates.title"));
        Label explain = new Label(text.get("duplicates.explain"));
        explain.setWrapText(true);
        VBox list = new VBox(6);
        Runnable refill = () -> {
            list.getChildren().clear();
            int i = 0;
            for (DuplicateCandidate c : model.candidates()) {
                list.getChildren().add(candidateRow(model, text, c, i++));
            }
        };
        model.candidates().addListener((ListChangeListener<DuplicateCandidate>) ch -> refill.run());
        Button anyway = Labels.button("duplicates-register-anyway", text.get("duplicates.registerAnyway"),
                model::registerAnyway);
        Button back = Labels.button("duplicates-back", text.get("duplicates.back"), model::backToForm);
        review.getChildren().addAll(question, explain, list, new HBox(10, anyway, back));
        model.reviewingDuplicatesProperty().addListener((o, was, now) -> {
            if (now && !list.getChildren().isEmpty()) {
                ((HBox) list.getChildren().getFirst()).getChildren().getLast().requestFocus();
            }
        });
    }

    private static Node candidateRow(PatientFormViewModel model, UiText text, DuplicateCandidate c, int index) {
        var p = c.patient();
        Label who = new Label(text.get("duplicates.candidate", p.familyName(), p.givenName(),
                p.birthDate().toString(), p.mrn().value()));
        who.getStyleClass().add("candidate-name");
        Label why = new Label(model.reason(c));
        why.getStyleClass().add("muted");
        VBox info = new VBox(2, who, why);
        HBox.setHgrow(info, Priority.ALWAYS);
        Button open = Labels.button("duplicate-open-" + index, text.get("duplicates.open"),
                () -> model.openExisting(c));
        HBox row = new HBox(10, info, open);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("candidate");
        return row;
    }

    /**
     * The three states as radio buttons (not recorded, no known allergies, a list), who recorded "no known
     * allergies", the list with a remove button per entry, and a row to add one with its reaction and severity.
     */
    private static VBox allergies(PatientFormViewModel model, UiText text) {
        ToggleGroup group = new ToggleGroup();
        RadioButton notRecorded = radio("patient-allergies-not-recorded", text.get("patient.allergies.notRecorded"),
                group, AllergyDraft.Choice.NOT_RECORDED);
        RadioButton none = radio("patient-allergies-none", text.get("patient.allergies.none"), group,
                AllergyDraft.Choice.NO_KNOWN_ALLERGIES);
        RadioButton list = radio("patient-allergies-list", text.get("patient.allergies.list"), group,
                AllergyDraft.Choice.LIST);
        Runnable select = () -> group.getToggles().stream()
                .filter(t -> t.getUserData() == model.allergyChoiceProperty().get()).findFirst()
                .ifPresent(group::selectToggle);
        select.run();
        model.allergyChoiceProperty().addListener((o, a, b) -> select.run());
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.allergyChoiceProperty().set((AllergyDraft.Choice) b.getUserData());
            }
        });
        Label recorded = new Label();
        recorded.setId("patient-allergies-recorded");
        recorded.textProperty().bind(model.allergyRecordedProperty());
        recorded.visibleProperty().bind(model.allergyChoiceProperty().isEqualTo(AllergyDraft.Choice.NO_KNOWN_ALLERGIES)
                .and(model.allergyRecordedProperty().isNotEmpty()));
        recorded.managedProperty().bind(recorded.visibleProperty());

        VBox entries = new VBox(4);
        entries.setId("patient-allergy-entries");
        Runnable redraw = () -> entries.getChildren().setAll(model.allergyEntries().stream().map(e -> {
            Label what = new Label(model.describe(e));
            what.getStyleClass().add("allergy-entry");
            Button remove = new Button(text.get("patient.allergies.remove"));
            remove.setOnAction(ev -> model.removeAllergy(e));
            HBox line = new HBox(8, what, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            return (Node) line;
        }).toList());
        redraw.run();
        model.allergyEntries().addListener((ListChangeListener<AllergyDraft.Entry>) c -> redraw.run());

        TextField substance = field("patient-allergy-substance", model.newSubstanceProperty());
        substance.setPromptText(text.get("patient.allergySubstance.prompt"));
        TextField reaction = field("patient-allergy-reaction", model.newReactionProperty());
        reaction.setPromptText(text.get("patient.allergyReaction.prompt"));
        ComboBox<AllergySeverity> severity = new ComboBox<>();
        severity.setId("patient-allergy-severity");
        severity.getItems().setAll(AllergySeverity.values());
        severity.setConverter(converter(model::severityName));
        severity.valueProperty().bindBidirectional(model.newSeverityProperty());
        Button add = Labels.button("patient-allergy-add", text.get("patient.allergyAdd"), model::addAllergy);
        add.disableProperty().bind(model.newSubstanceProperty().isEmpty());
        HBox adding = new HBox(8, substance, reaction, severity, add);
        adding.setAlignment(Pos.CENTER_LEFT);
        VBox listPart = new VBox(6, entries, adding);
        listPart.visibleProperty().bind(model.allergyChoiceProperty().isEqualTo(AllergyDraft.Choice.LIST));
        listPart.managedProperty().bind(listPart.visibleProperty());
        VBox box = new VBox(6, new HBox(12, notRecorded, none, list), recorded, listPart);
        box.setId("patient-allergies");
        return box;
    }

    private static RadioButton radio(String id, String label, ToggleGroup group, AllergyDraft.Choice choice) {
        RadioButton b = new RadioButton(label);
        b.setId(id);
        b.setMnemonicParsing(true);
        b.setToggleGroup(group);
        b.setUserData(choice);
        return b;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    public Parent root() {
        return root;
    }

    public void focus() {
        familyName.requestFocus();
    }
}
