package dev.concierge.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Every production class of Concierge, from every module on the test class path, without test classes (neither
 * this module's nor the test jars the other modules share).
 */
final class ProductionClasses {

    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    private static final ImportOption NO_TEST_JARS = (Location location) -> !location.matches(TEST_JAR);

    static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NO_TEST_JARS)
            .importPackages("dev.concierge");

    private ProductionClasses() {
    }
}
