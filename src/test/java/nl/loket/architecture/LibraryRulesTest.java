package nl.loket.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules about libraries and framework features, which module boundaries alone do not express. Each says why.
 */
class LibraryRulesTest {

    static final JavaClasses LOKET = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.loket");

    @Test
    void twilioStaysInTheSmsAndVoiceChannels() {
        // Twilio specifics (signatures, TwiML, its REST client) stay behind the channel adapters; everyone else speaks
        // InboundMessage and OutboundChannel, so another provider means another adapter and nothing else.
        noClasses().that().resideOutsideOfPackages("nl.loket.channel.sms..", "nl.loket.channel.voice..")
                .should().dependOnClassesThat().resideInAPackage("com.twilio..")
                .because("Twilio is a channel adapter's business").check(LOKET);
    }

    @Test
    void theLanguageModelStaysInTheAssistant() {
        // Redaction and the output guard sit in the assistant in front of the model; a model called from elsewhere
        // would see personal data and answer unguarded.
        noClasses().that().resideOutsideOfPackage("nl.loket.assistant..")
                .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
                .because("only the guarded assistant may call a language model").check(LOKET);
    }

    @Test
    void featuresReactToEachOtherOnlyThroughTheOutbox() {
        // A Spring application event runs its listeners inside the publisher's request and lock; features publish
        // through platform.reactions instead: after the lock, at least once, retried and parked where a supervisor
        // sees it. The platform's own security events (failed logins) stay in-process.
        noClasses().that().resideOutsideOfPackage("nl.loket.platform..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.context.ApplicationEventPublisher")
                .because("module reactions go through the Redis outbox").check(LOKET);
    }

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        // New contributors find their way by the package-info of each package.
        Path sources = Path.of("src/main/java/nl/loket");
        try (Stream<Path> dirs = Files.walk(sources)) {
            List<Path> missing = dirs.filter(Files::isDirectory).filter(d -> !d.equals(sources))
                    .filter(LibraryRulesTest::hasJava)
                    .filter(d -> !Files.exists(d.resolve("package-info.java"))).toList();
            assertThat(missing).isEmpty();
        }
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            return false;
        }
    }
}
