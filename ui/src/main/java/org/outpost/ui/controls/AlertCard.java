package org.outpost.ui.controls;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.ui.text.UiText;

/**
 * One prescribing alert as a card, the same on the order form and in the review queue: severity badge and
 * headline, the advice, its source with model and version (and CPIC's strength), and the suggested dose.
 * Callers add what their screen needs below (a reason field, the prescriber's reason). The headline and advice are
 * shown in the reader's language through the clinical bundle (an alert read back from storage, in English).
 */
public final class AlertCard {
    private AlertCard() {
    }

    /**
     * @param idPrefix ids are {@code <prefix>-alert-<index>}, {@code <prefix>-alert-headline-<index>},
     *                 {@code <prefix>-alert-text-<index>}, {@code <prefix>-alert-suggested-<index>}
     */
    public static VBox of(OrderAlert a, UiText text, String idPrefix, int index) {
        String severity = a.severity().name().toLowerCase(Locale.ROOT);
        Label badge = new Label(text.severity(a.severity()));
        badge.getStyleClass().addAll("severity-badge", "severity-" + severity);
        Label headline = new Label(text.clinical(a.headlineText()));
        headline.setId(idPrefix + "-alert-headline-" + index);
        headline.getStyleClass().add("alert-headline");
        HBox top = new HBox(8, badge, headline);
        top.setAlignment(Pos.CENTER_LEFT);
        Label advice = new Label(text.clinical(a.message()));
        advice.setId(idPrefix + "-alert-text-" + index);
        advice.setWrapText(true);
        Label source = new Label(text.get("order.source", a.modelTitle(), a.modelId(), a.modelVersion(),
                a.strength().isEmpty() ? "" : text.get("order.strength", a.strength())));
        source.getStyleClass().add("alert-source");
        source.setWrapText(true);
        VBox card = new VBox(6, top, advice, source);
        a.suggested().ifPresent(d -> {
            Label suggested = new Label(text.get("order.suggested", d.toString()));
            suggested.setId(idPrefix + "-alert-suggested-" + index);
            card.getChildren().add(suggested);
        });
        card.setPadding(new Insets(10));
        card.getStyleClass().addAll("risk-card", "order-alert");
        card.pseudoClassStateChanged(PseudoClass.getPseudoClass(severity), true);
        card.setId(idPrefix + "-alert-" + index);
        return card;
    }
}
