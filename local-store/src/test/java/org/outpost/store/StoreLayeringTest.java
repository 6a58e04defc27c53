package org.outpost.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The store's packages form layers (keys below jdbc below the store), and it knows nothing of screens. */
class StoreLayeringTest {
    private final JavaClasses store = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.outpost.store");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.outpost.(**)").should().beFreeOfCycles().check(store);
    }

    @Test
    void storeDoesNotKnowScreensOrSync() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.outpost.ui..", "org.outpost.sync..",
                "javafx..").check(store);
    }
}
