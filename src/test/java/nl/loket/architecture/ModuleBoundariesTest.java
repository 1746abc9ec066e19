package nl.loket.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module rules of docs/architecture.md, checked on the source so they cannot drift. Each rule
 * says why it exists.
 */
class ModuleBoundariesTest {

    private static final Path SOURCES = Path.of("src/main/java/nl/loket");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_USE = Pattern.compile("\\bnl\\.loket\\.[a-z]+(?:\\.[a-z]+)*");

    record Source(String module, Path file, List<String> references) { }

    @Test
    void channelsOnlyKnowContactAndPlatform() throws IOException {
        // A channel that called the assistant or the queue directly could answer before storing:
        // every channel goes through ContactService, which stores first.
        assertNoReferences("channel", "nl.loket.assistant", "nl.loket.knowledge", "nl.loket.handoff", "nl.loket.agent",
                "nl.loket.insight", "nl.loket.registry");
    }

    @Test
    void contactKnowsTheAssistantOnlyThroughTheResponderPort() throws IOException {
        // The contact record must stay usable when the assistant is replaced or fails.
        assertNoReferences("contact", "nl.loket.channel", "nl.loket.assistant", "nl.loket.knowledge", "nl.loket.handoff",
                "nl.loket.agent");
    }

    @Test
    void handoffReachesChannelsOnlyThroughTheOutboundPort() throws IOException {
        // Agent replies go out through contact.OutboundChannel; a hand-off that called Twilio or a mail
        // server itself would bypass the channel's rendering and its store-first rule. The agent API
        // belongs on top of hand-off, never the other way round.
        assertNoReferences("handoff", "nl.loket.channel", "nl.loket.agent", "nl.loket.knowledge");
    }

    @Test
    void handoffNeverWaitsForTheAssistant() throws IOException {
        // The model's summary reaches a task through handoff.ConversationSummaries, implemented by the assistant and
        // run as a later reaction: a task never waits for a model, and hand-off works without any assistant.
        assertNoReferences("handoff", "nl.loket.assistant");
    }

    @Test
    void modulesReactToEachOtherOnlyThroughTheOutbox() throws IOException {
        // A Spring application event runs its listeners inside the publisher's request (and lock): features publish
        // through platform.reactions instead, at least once, retried and parked where a supervisor sees it.
        // Listening to the framework's own events (application ready, a failed login) stays allowed.
        List<String> violations = new ArrayList<>();
        for (Source source : sources()) {
            if (source.module().startsWith("platform")) {
                continue; // the platform's own security events (failed logins) stay in-process
            }
            for (String reference : source.references()) {
                if (reference.equals("org.springframework.context.ApplicationEventPublisher")) {
                    violations.add(source.file() + " uses " + reference);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void agentsSeeResidentsOnlyThroughHandoffAndContact() throws IOException {
        // The agent API and pages read through the two facades, so masking and audit cannot be skipped
        // by reading a store or a channel directly.
        assertNoReferences("agent", "nl.loket.channel", "nl.loket.assistant", "nl.loket.knowledge");
    }

    @Test
    void registryReadsContactOnly() throws IOException {
        // The registry exports what the contact record holds; it must not reach into the queue, the agents'
        // screens or the assistant, so it keeps working (and stays replaceable) whatever they change.
        assertNoReferences("registry", "nl.loket.channel", "nl.loket.assistant", "nl.loket.knowledge",
                "nl.loket.handoff", "nl.loket.agent", "nl.loket.insight");
    }

    @Test
    void outreachReachesResidentsOnlyThroughContact() throws IOException {
        // Campaign messages leave through contact.NoticeSender and opt-outs live in contact, so no campaign can
        // skip the opt-out check or talk to Twilio or a mail server itself; and no channel may depend on a
        // campaign (the SMS channel hands opt-out words to contact, not to outreach).
        assertNoReferences("outreach", "nl.loket.channel", "nl.loket.assistant", "nl.loket.knowledge",
                "nl.loket.handoff", "nl.loket.agent", "nl.loket.insight", "nl.loket.registry");
        assertNoReferences("channel", "nl.loket.outreach");
        assertNoReferences("contact", "nl.loket.outreach");
        assertNoReferences("platform", "nl.loket.outreach");
    }

    @Test
    void platformDependsOnNoFeature() throws IOException {
        // Everyone may use the platform; if it used a feature, features would depend on each other through it.
        assertNoReferences("platform", "nl.loket.channel", "nl.loket.contact", "nl.loket.assistant",
                "nl.loket.knowledge", "nl.loket.handoff", "nl.loket.agent", "nl.loket.insight", "nl.loket.registry");
    }

    @Test
    void knowledgeHoldsNoResidentData() throws IOException {
        // Articles are public content; the knowledge module must never see a conversation.
        assertNoReferences("knowledge", "nl.loket.contact", "nl.loket.channel", "nl.loket.assistant", "nl.loket.handoff");
    }

    @Test
    void insightOnlyListensAndNothingDependsOnIt() throws IOException {
        // Indicators are read from the events and facades of contact and hand-off (and article ids of
        // knowledge); if a feature called insight, a failing count could fail a resident's message.
        assertNoReferences("insight", "nl.loket.channel", "nl.loket.assistant", "nl.loket.agent",
                "nl.loket.registry", "nl.loket.outreach");
        for (String module : List.of("channel", "contact", "assistant", "knowledge", "handoff", "agent", "platform",
                "registry", "outreach")) {
            assertNoReferences(module, "nl.loket.insight");
        }
    }

    @Test
    void providerLibrariesStayInTheirModule() throws IOException {
        // Twilio specifics stay in the SMS and voice channels; the language model stays in the assistant,
        // where redaction and the output guard sit in front of it.
        for (Source source : sources()) {
            if (!source.module().startsWith("channel.sms") && !source.module().startsWith("channel.voice")) {
                assertThat(source.references()).as(source.file().toString()).noneMatch(r -> r.startsWith("com.twilio"));
            }
            if (!source.module().equals("assistant")) {
                assertThat(source.references()).as(source.file().toString()).noneMatch(r -> r.startsWith("dev.langchain4j"));
            }
        }
    }

    @Test
    void everyPackageSaysWhatItOwns() throws IOException {
        // New contributors find their way by the package-info of each module.
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            List<Path> missing = dirs.filter(Files::isDirectory)
                    .filter(d -> hasJava(d))
                    .filter(d -> !d.equals(SOURCES))
                    .filter(d -> !Files.exists(d.resolve("package-info.java")))
                    .toList();
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

    private void assertNoReferences(String module, String... forbidden) throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source source : sources()) {
            if (!source.module().equals(module) && !source.module().startsWith(module + ".")) {
                continue;
            }
            for (String reference : source.references()) {
                for (String f : forbidden) {
                    if (reference.startsWith(f)) {
                        violations.add(source.file() + " uses " + reference);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private List<Source> sources() throws IOException {
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                String code = Files.readString(file);
                List<String> references = new ArrayList<>();
                Matcher imports = IMPORT.matcher(code);
                while (imports.find()) {
                    references.add(imports.group(1));
                }
                Matcher qualified = QUALIFIED_USE.matcher(code.replaceAll("(?m)^package .*$", ""));
                while (qualified.find()) {
                    references.add(qualified.group());
                }
                out.add(new Source(module, file, references));
            }
        }
        return out;
    }
}
