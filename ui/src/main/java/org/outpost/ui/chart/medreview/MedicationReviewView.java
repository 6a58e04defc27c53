package org.outpost.ui.chart.medreview;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.outpost.app.prescribing.MedicineReview;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.ui.controls.AlertCard;
import org.outpost.ui.controls.Labels;
import org.outpost.ui.text.UiText;

/** The medication review tab: per medicine its name and dose as listed, then its alerts as the order form shows them. */
public final class MedicationReviewView {
    private final MedicationReviewViewModel model;
    private final UiText text;
    private final VBox list = new VBox(10);
    private final ScrollPane root;

    public MedicationReviewView(MedicationReviewViewModel model, UiText text) {
        this.model = model;
        this.text = text;
        Label status = new Label();
        status.setId("medreview-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        list.setId("medreview-list");
        VBox page = new VBox(10, status, list);
        page.setPadding(new Insets(12));
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.setId("medreview-view");
        model.reviews().addListener((ListChangeListener<MedicineReview>) c -> rebuild());
        rebuild();
    }

    public Parent root() {
        return root;
    }

    private void rebuild() {
        list.getChildren().clear();
        int m = 0;
        for (MedicineReview r : model.reviews()) {
            Label heading = Labels.heading(text.get("medreview.medicine", r.medication().name(),
                    (r.medication().dose() + " " + r.medication().frequency()).strip(), r.drug()));
            heading.setId("medreview-medicine-" + m);
            heading.setWrapText(true);
            VBox box = new VBox(6, heading);
            if (!r.doseRead()) {
                Label unread = new Label(text.get("medreview.doseUnread"));
                unread.getStyleClass().add("alert-source");
                box.getChildren().add(unread);
            }
            if (r.alerts().isEmpty()) {
                box.getChildren().add(new Label(text.get("medreview.noAlerts")));
            }
            int a = 0;
            for (OrderAlert alert : r.alerts()) {
                box.getChildren().add(AlertCard.of(alert, text, "medreview-" + m, a++));
            }
            list.getChildren().add(box);
            m++;
        }
    }
}
