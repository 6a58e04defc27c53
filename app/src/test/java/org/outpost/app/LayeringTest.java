package org.outpost.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain and use cases know nothing of screens, SQL or the store that implements their ports. */
class LayeringTest {
    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.outpost.app");

    @Test
    void appDoesNotUseJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(app);
    }

    @Test
    void appDoesNotUseJdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..").check(app);
    }

    @Test
    void appDoesNotKnowItsAdapters() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.outpost.store..", "org.outpost.ui..", "org.outpost.sync..", "org.h2..",
                        "org.flywaydb..")
                .check(app);
    }

    @Test
    void appDoesNotUseJackson() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..").check(app);
    }

    /** Tribuo stays behind the learned models' package (issue 13): the rest of app knows only ClinicalModel. */
    @Test
    void onlyTheLearnedModelsUseTribuo() {
        noClasses().that().resideOutsideOfPackage("org.outpost.app.ml..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tribuo..", "com.oracle.labs..",
                        "com.google.protobuf..")
                .check(app);
    }

    @Test
    void domainDoesNotDependOnUseCasesOrPorts() {
        noClasses().that().resideInAPackage("org.outpost.app.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.outpost.app.usecase..", "org.outpost.app.port..")
                .check(app);
    }

    /** Packages form layers: a port never needs a feature package that needs the port back (issue 12). */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.outpost.(**)").should().beFreeOfCycles().check(app);
    }
}
