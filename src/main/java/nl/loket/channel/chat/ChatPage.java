package nl.loket.channel.chat;

import nl.loket.platform.Json;
import nl.loket.platform.Prompts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resident's chat page, also shown inside the website widget ({@code /chat?embed=1}, framed by
 * {@code /widget.js}). The page is a shell in the resident's language; {@code chat.js} talks to the
 * chat API and switches the texts between Dutch and English.
 */
@Controller
class ChatPage {

    /** Every text of the page, Dutch (B1) and English; the page renders one, chat.js gets both. */
    static final Map<String, Map<String, String>> TEXTS = Map.of("nl", texts(
            "title", "Chat met de gemeente",
            "greeting", "Hallo! Ik ben de digitale assistent van de gemeente. Ik ben een computer, geen mens. "
                    + "Ik beantwoord eenvoudige vragen met informatie van de gemeente. "
                    + "Wilt u liever met een mens praten? Kies dan 'Praat met een medewerker'.",
            "orUse", "U kunt ook het",
            "contactLink", "contactformulier gebruiken",
            "logLabel", "Gesprek",
            "resident", "U",
            "assistant", "Assistent",
            "agent", "Medewerker",
            "inputLabel", "Uw vraag",
            "inputHint", "Druk op Enter om te versturen. Shift en Enter geeft een nieuwe regel.",
            "send", "Verstuur",
            "human", "Praat met een medewerker",
            "humanText", "Ik wil een medewerker spreken",
            "finish", "Gesprek afronden",
            "switchLang", "English",
            "switchLangCode", "en",
            "busy", "De assistent schrijft een antwoord",
            "agentTyping", "Medewerker typt…",
            "waitingAgent", "Een medewerker neemt het gesprek over. Nieuwe berichten komen hier vanzelf.",
            "sources", "Meer informatie:",
            "related", "Misschien wilt u ook weten:",
            "reference", "Uw kenmerk:",
            "expected", "U krijgt {expected} een reactie.",
            "empty", "Schrijf eerst uw vraag.",
            "error", "Het versturen lukte niet. Probeer het nog eens. Of gebruik het contactformulier.",
            "feedbackTitle", "Wat vond u van dit gesprek?",
            "scaleLegend", "Hoe tevreden bent u? 1 is heel ontevreden, 5 is heel tevreden.",
            "remarkLabel", "Wilt u nog iets zeggen? Dit mag u leeg laten.",
            "feedbackSend", "Verstuur mijn mening",
            "feedbackChoose", "Kies een cijfer van 1 tot 5.",
            "feedbackThanks", "Dank u wel voor uw mening.",
            "newWindow", "(opent in een nieuw venster)",
            "noscript", "Voor de chat is JavaScript nodig."),
            "en", texts(
            "title", "Chat with the municipality",
            "greeting", "Hello! I am the municipality's digital assistant. I am a computer, not a person. "
                    + "I answer simple questions with information from the municipality. "
                    + "Would you rather talk to a person? Choose 'Talk to a person'.",
            "orUse", "You can also",
            "contactLink", "use the contact form",
            "logLabel", "Conversation",
            "resident", "You",
            "assistant", "Assistant",
            "agent", "Staff member",
            "inputLabel", "Your question",
            "inputHint", "Press Enter to send. Shift and Enter starts a new line.",
            "send", "Send",
            "human", "Talk to a person",
            "humanText", "I want to talk to a person",
            "finish", "Finish conversation",
            "switchLang", "Nederlands",
            "switchLangCode", "nl",
            "busy", "The assistant is writing an answer",
            "agentTyping", "An employee is typing…",
            "waitingAgent", "A staff member takes over. New messages appear here by themselves.",
            "sources", "More information:",
            "related", "You may also want to know:",
            "reference", "Your reference:",
            "expected", "You will get a reply {expected}.",
            "empty", "Please write your question first.",
            "error", "Sending did not work. Please try again. Or use the contact form.",
            "feedbackTitle", "What did you think of this conversation?",
            "scaleLegend", "How satisfied are you? 1 is very unsatisfied, 5 is very satisfied.",
            "remarkLabel", "Anything else you want to tell us? You may leave this empty.",
            "feedbackSend", "Send my opinion",
            "feedbackChoose", "Choose a number from 1 to 5.",
            "feedbackThanks", "Thank you for your opinion.",
            "newWindow", "(opens in a new window)",
            "noscript", "The chat needs JavaScript."));

    private final Json json;
    private final Prompts prompts;

    ChatPage(Json json, Prompts prompts) {
        this.json = json;
        this.prompts = prompts;
    }

    @GetMapping("/chat")
    String chat(@RequestParam(name = "embed", required = false) String embed,
                @RequestParam(name = "lang", required = false) String lang, Model model) {
        String language = "en".equals(lang) ? "en" : "nl";
        model.addAttribute("embed", "1".equals(embed));
        model.addAttribute("lang", language);
        Map<String, Map<String, String>> texts = withPromptTexts();
        model.addAttribute("t", texts.get(language));
        model.addAttribute("textsJson", json.write(texts));
        return "chat";
    }

    /**
     * Texts the municipality edits in {@code prompts/}: what the page says when Loket cannot store a message (503), and
     * when a time button's pick did not go through.
     */
    private Map<String, Map<String, String>> withPromptTexts() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        TEXTS.forEach((language, texts) -> {
            Map<String, String> copy = new LinkedHashMap<>(texts);
            copy.put("unavailable", prompts.text("chat-unavailable", language, Map.of()));
            copy.put("pickFailed", prompts.text("chat-pick-failed", language, Map.of()));
            out.put(language, copy);
        });
        return out;
    }

    private static Map<String, String> texts(String... keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }
}
