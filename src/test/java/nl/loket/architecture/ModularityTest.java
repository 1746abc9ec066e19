package nl.loket.architecture;

import nl.loket.LoketApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules, verified by Spring Modulith from the {@code @ApplicationModule(allowedDependencies = …)} in each
 * module's package-info: no cycles, no module reaching into another's sub-packages, and no dependency a module did
 * not declare. Why each module may use what it declares is in docs/architecture.md ("Module rules"); in short:
 * <ul>
 *   <li>channels know only contact (and the platform): every message is stored by ContactService before anyone
 *       answers it;</li>
 *   <li>contact knows no feature: it reaches the assistant through its Responder port and the channels through
 *       OutboundChannel, so the record stays usable when either fails;</li>
 *   <li>hand-off never waits for the assistant: the model's summary comes in through handoff.ConversationSummaries
 *       as a later reaction;</li>
 *   <li>knowledge holds no resident data, so it knows no conversation;</li>
 *   <li>nothing depends on insight, registry or outreach, so a failing count, export or campaign cannot fail a
 *       resident's message.</li>
 * </ul>
 * It also writes the module diagrams to {@code target/modules} and checks that the copies in {@code docs/modules}
 * are current, so the picture in the docs never drifts from the code.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(LoketApplication.class);
    static final Path GENERATED = Path.of("target/modules");
    static final Path DOCUMENTED = Path.of("docs/modules");

    @Test
    void everyModuleUsesOnlyWhatItDeclares() {
        MODULES.verify();
    }

    @Test
    void theTenFeatureModulesAreFound() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()).sorted().toList()).containsExactly(
                "agent", "assistant", "channel", "contact", "handoff", "insight", "knowledge", "outreach", "platform",
                "registry");
    }

    @Test
    void theModuleDiagramsInTheDocsAreCurrent() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        List<Path> generated;
        try (Stream<Path> files = Files.list(GENERATED)) {
            generated = files.filter(f -> f.toString().endsWith(".puml")).sorted().toList();
        }
        assertThat(generated).isNotEmpty();
        for (Path file : generated) {
            Path documented = DOCUMENTED.resolve(file.getFileName());
            assertThat(documented).as("copy %s to %s (the module structure changed)", file, DOCUMENTED).exists();
            // Compared line by line, unordered: the diagram lists its relations in no fixed order.
            assertThat(Files.readAllLines(documented)).as("%s is out of date: copy %s over it", documented, file)
                    .containsExactlyInAnyOrderElementsOf(Files.readAllLines(file));
        }
    }
}
