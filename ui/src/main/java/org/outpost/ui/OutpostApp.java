package org.outpost.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop application. */
public final class OutpostApp extends Application {

    public static void launchDesktop(String[] args) {
        Application.launch(OutpostApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Outpost");
        stage.setScene(new Scene(new Label("Outpost"), 800, 600));
        stage.show();
    }
}
