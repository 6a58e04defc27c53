package org.outpost.interop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Interop depends on app only: never on the store, sync, the screens, JavaFX or JDBC; its packages form layers. */
class InteropLayeringTest {
    private final JavaClasses interop = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.outpost.interop");

    @Test
    void interopDoesNotKnowTheStoreSyncOrScreens() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.outpost.store..", "org.outpost.ui..",
                "org.outpost.sync..", "javafx..", "java.sql..", "javax.sql..", "org.h2..").check(interop);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.outpost.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(interop);
    }
}
