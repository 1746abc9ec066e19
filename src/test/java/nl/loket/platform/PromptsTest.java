package nl.loket.platform;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Prompt files from the repository's {@code prompts/} folder, filled the way every channel fills them. */
class PromptsTest {

    final Prompts prompts = new Prompts(new PromptProperties("prompts"));

    @Test
    void aValueIsInsertedAsWrittenEvenWhenItLooksLikeAPlaceholder() {
        String mail = prompts.text("reply-email", "nl", Map.of("reference", "LK-ABC-123",
                "text", "Zie {reference} en $1 \\ voor uw aanvraag."));

        assertThat(mail).startsWith("Zie {reference} en $1 \\ voor uw aanvraag.")
                .contains("Uw kenmerk: LK-ABC-123");
    }

    @Test
    void unknownPlaceholdersStayAndAMissingValueIsEmpty() {
        Map<String, String> values = new HashMap<>();
        values.put("reference", null);
        values.put("text", "{onbekend}");

        assertThat(prompts.text("reply-email", "en", values)).startsWith("{onbekend}").contains("Your reference: \n");
    }

    @Test
    void anUnknownLanguageFallsBackToDutch() {
        assertThat(prompts.text("reply-email-subject", "tr", Map.of("reference", "LK-1")))
                .startsWith("Reactie van de gemeente op uw bericht LK-1");
    }
}
