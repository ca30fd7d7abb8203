package org.arrowsync.emulator;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The emulator's packages depend on each other in one direction: the entry point (starting, options, command line) on
 * the control API, the control API on the HTTP surface, both on the data and the faults, which depend on no other
 * package of the emulator.
 */
class EmulatorStructureTests {

    private static final String EMULATOR = "org.arrowsync.emulator";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(EMULATOR);

    /** Every package, the entry point's included, is a slice of its own. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "the emulator's packages";
        }
    };

    @Test
    void packagesFormNoCycle() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void dependenciesPointFromTheEntryPointDownToTheDataAndTheFaults() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("entry point")
                .definedBy(EMULATOR)
                .layer("control API")
                .definedBy(EMULATOR + ".control")
                .layer("HTTP surface")
                .definedBy(EMULATOR + ".http")
                .layer("data")
                .definedBy(EMULATOR + ".data")
                .layer("faults")
                .definedBy(EMULATOR + ".faults")
                .whereLayer("entry point")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("control API")
                .mayOnlyBeAccessedByLayers("entry point")
                .whereLayer("HTTP surface")
                .mayOnlyBeAccessedByLayers("entry point", "control API")
                .whereLayer("data")
                .mayOnlyBeAccessedByLayers("entry point", "control API", "HTTP surface")
                .whereLayer("faults")
                .mayOnlyBeAccessedByLayers("entry point", "control API", "HTTP surface")
                .check(CLASSES);
    }
}
