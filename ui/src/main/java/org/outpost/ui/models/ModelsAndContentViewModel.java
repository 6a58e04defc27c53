package org.outpost.ui.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.content.VerifiedBundle;
import org.outpost.app.ml.ModelCard;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.ModelRef;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The "Models and content" screen: every model in force (id, name, version, source; a learned model with its
 * card) and every clinical table in force (version; bundled, or which signed update gives it, who signed it with
 * which key and when), and every refused update as a warning. Both are read in the background.
 */
public final class ModelsAndContentViewModel {
    /**
     * One model in force.
     *
     * @param card the learned model's card; empty for a published equation or rule
     */
    public record ModelRow(String id, String name, String version, String source, Optional<ModelCard> card) {
        public boolean learned() {
            return card.isPresent();
        }
    }

    /**
     * One clinical table in force.
     *
     * @param updated  whether a signed update gives it (else it is the bundled table)
     * @param from     "Bundled with Outpost" or "Update renal 2026.1 (source)"
     * @param signedBy the update's signer, key id and key owner; empty for a bundled table
     * @param created  when the update was made (UTC); empty for a bundled table
     */
    public record TableRow(String name, String version, boolean updated, String from, String signedBy,
                           String created) {
    }

    private final Callable<List<ClinicalModel>> models;
    private final Callable<ClinicalContent> content;
    private final TaskRunner tasks;
    private final UiText text;

    private final ObservableList<ModelRow> modelRows = FXCollections.observableArrayList();
    private final ObservableList<TableRow> tableRows = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final List<String> failures = new ArrayList<>();
    private final ObservableList<ModelRow> modelsView = FXCollections.unmodifiableObservableList(modelRows);
    private final ObservableList<TableRow> tablesView = FXCollections.unmodifiableObservableList(tableRows);
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private int pending;

    /**
     * @param models  the models in force (blocking: loading a learned model reads its files)
     * @param content the clinical tables in force for this session
     */
    public ModelsAndContentViewModel(Callable<List<ClinicalModel>> models, Callable<ClinicalContent> content,
                                     TaskRunner tasks, UiText text) {
        this.models = Objects.requireNonNull(models, "models");
        this.content = Objects.requireNonNull(content, "content");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * Reads the models and the tables in the background; each list fills when its part is read. Does nothing
     * while a read is under way.
     */
    public void refresh() {
        if (loading.get()) {
            return;
        }
        pending = 2;
        failures.clear();
        loading.set(true);
        status.set(text.get("models.loading"));
        tasks.run("models-in-force", () -> models.call().stream().map(ModelsAndContentViewModel::row).toList(),
                rows -> {
                    modelRows.setAll(rows);
                    done(Optional.empty());
                }, failure -> done(Optional.of(text.get("models.modelsFailed",
                        tasks.reporter().report(failure).errorId()))));
        tasks.run("content-in-force", content, c -> {
            tableRows.setAll(tables(c));
            problems.setAll(c.problems().stream().map(p -> text.get("models.refused", p)).toList());
            done(Optional.empty());
        }, failure -> done(Optional.of(text.get("models.tablesFailed", tasks.reporter().report(failure).errorId()))));
    }

    private void done(Optional<String> failure) {
        pending--;
        failure.ifPresent(failures::add);
        loading.set(pending > 0);
        status.set(!failures.isEmpty() ? String.join(" ", failures) : pending > 0 ? text.get("models.loading") : "");
    }

    private static ModelRow row(ClinicalModel model) {
        ModelRef ref = model.ref();
        Optional<ModelCard> card = model instanceof org.outpost.app.ml.LearnedModel learned
                ? Optional.of(learned.card()) : Optional.empty();
        return new ModelRow(ref.id(), ref.title(), ref.version(), ref.source(), card);
    }

    private List<TableRow> tables(ClinicalContent c) {
        return java.util.Arrays.stream(ClinicalContent.Table.values()).map(t -> {
            String version = switch (t) {
                case CPIC_TABLES -> c.cpic().version();
                case RENAL_DOSE -> c.renal().version();
                case DOSE_LIMIT -> c.doseLimits().version();
                case DRUG_CLASS -> c.drugClasses().version();
                case INTERACTION -> c.interactions().version();
                case CORONARY_MODEL -> c.learnedModels().getFirst().ref().version();
            };
            Optional<VerifiedBundle> from = c.updates().stream().filter(u -> u.tables().contains(t.label()))
                    .map(ClinicalContent.ContentUpdate::bundle).findFirst();
            return from.map(b -> new TableRow(t.label(), version, true,
                            text.get("models.table.update", b.bundleId(), b.version(), b.manifest().source()),
                            text.get("models.table.signedBy", b.manifest().signer(), b.keyId(), b.key().owner()),
                            b.manifest().created().toString()))
                    .orElseGet(() -> new TableRow(t.label(), version, false, text.get("models.table.bundled"), "",
                            ""));
        }).toList();
    }

    /** Every model in force, in the order the command line lists them. */
    public ObservableList<ModelRow> models() {
        return modelsView;
    }

    /** Every clinical table in force. */
    public ObservableList<TableRow> tables() {
        return tablesView;
    }

    /** Why an update in the data directory was refused, one warning each; empty when none was. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** "Reading…", or what could not be read (with an error id); empty otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
