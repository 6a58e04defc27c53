package org.outpost.ui.controls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.outpost.app.model.Severity;
import org.outpost.app.prescribing.AlertResponse;
import org.outpost.app.prescribing.OrderAlert;
import org.outpost.app.text.Text;
import org.outpost.ui.text.UiText;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An alert card shows the alert's keyed texts through the clinical bundle, and stored English as written. */
@ExtendWith(ApplicationExtension.class)
class AlertCardTest {
    private final UiText text = new UiText(Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    private static String label(VBox card, String id) {
        return ((Label) card.lookup("#" + id)).getText();
    }

    @Test
    void theHeadlineAndAdviceAreTheKeyedTextsInTheReadersLanguage() {
        // English fields that differ from the keys' words: the card must show the keyed texts, not the fields
        OrderAlert keyed = new OrderAlert("allergy-check", "1.0.0", "Allergy table", Severity.LOW, "stored headline",
                "stored text", "", Optional.empty(), false, "fp", AlertResponse.NONE, "",
                Text.of("alert.allergy.notRecorded"), Text.of("alert.allergy", "penicillin"));
        VBox card = AlertCard.of(keyed, text, "t", 0);
        assertThat(label(card, "t-alert-headline-0")).isEqualTo("Allergies not recorded");
        assertThat(label(card, "t-alert-text-0")).isEqualTo("Allergy: penicillin");
    }

    @Test
    void anAlertReadBackFromStorageIsShownInItsStoredWords() {
        OrderAlert stored = new OrderAlert("allergy-check", "1.0.0", "Allergy table", Severity.LOW,
                "Allergies not recorded", "The patient's allergies have not been recorded.", "", Optional.empty(), false,
                "fp", AlertResponse.NONE, "");
        VBox card = AlertCard.of(stored, text, "t", 0);
        assertThat(label(card, "t-alert-headline-0")).isEqualTo("Allergies not recorded");
        assertThat(label(card, "t-alert-text-0")).isEqualTo("The patient's allergies have not been recorded.");
    }
}
