package org.outpost.sync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Sync depends on app only: never on the store, the screens or JDBC; its packages form layers. */
class SyncLayeringTest {
    private final JavaClasses sync = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.outpost.sync");

    @Test
    void syncDoesNotKnowTheStoreOrScreens() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.outpost.store..", "org.outpost.ui..",
                "javafx..", "java.sql..", "org.h2..").allowEmptyShould(true).check(sync);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.outpost.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(sync);
    }
}
