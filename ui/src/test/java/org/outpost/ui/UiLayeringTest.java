package org.outpost.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** View models hold state and rules, never nodes; screens use the ports, never the store's classes. */
class UiLayeringTest {
    private final JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.outpost.ui");

    @Test
    void viewModelsDoNotTouchNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleName("MeasureEntry")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..")
                .check(ui);
    }

    @Test
    void onlyTheCompositionRootsKnowTheStore() {
        // two faces, two roots: OutpostApp wires the desktop, Launcher.admin wires the admin command line
        noClasses().that().doNotHaveFullyQualifiedName(OutpostApp.class.getName())
                .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
                .and().doNotHaveFullyQualifiedName(OutpostApp.class.getName() + "$Vaults")
                .should().dependOnClassesThat().resideInAnyPackage("org.outpost.store..", "org.h2..")
                .check(ui);
    }

    @Test
    void onlyExportedApiOfJavaFxAndControlsFx() {
        // In the installed app JavaFX and ControlsFX are named modules: a type from a package they do not
        // export (JavaFX's com.sun.*, ControlsFX's impl.*) fails there with an IllegalAccessError, even
        // when it is only a method's return type that a call goes through (issue 9: AutoCompletePopup).
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.sun..", "impl.org.controlsfx..")
                .because("JavaFX and ControlsFX run as named modules that do not export these packages")
                .check(ui);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.outpost.(**)").should().beFreeOfCycles().check(ui);
    }
}
