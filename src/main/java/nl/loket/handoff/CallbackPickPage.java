package nl.loket.handoff;

import jakarta.servlet.http.HttpServletResponse;
import nl.loket.contact.OpenChoices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * {@code /terugbellen/{token}}: the link in the e-mail with call-back times to a resident who wrote through the contact
 * form, who cannot answer by number. GET only shows the times (mail scanners that open links must not pick one); a
 * button per time POSTs the pick, booked as a pick by SMS or chat is. The unguessable token is the proof, so there is
 * no login and no session; it lives as long as the proposal. Works without JavaScript; strict CSP like the other
 * resident pages.
 */
@Controller
class CallbackPickPage {

    private final Callbacks callbacks;

    CallbackPickPage(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    @GetMapping("/terugbellen/{token}")
    String times(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Callbacks.LinkChoice> choice = callbacks.linkChoice(token);
        if (choice.isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("token", token);
        model.addAttribute("choice", choice.get());
        model.addAttribute("lang", choice.get().language());
        return "terugbellen";
    }

    @PostMapping("/terugbellen/{token}")
    String pick(@PathVariable String token, @RequestParam(name = "keuze", required = false) String number, Model model,
                HttpServletResponse response) {
        Optional<Callbacks.LinkChoice> choice = callbacks.linkChoice(token);
        if (choice.isEmpty()) {
            return invalid(model, response);
        }
        int picked = number != null && number.matches("\\d{1,2}") ? Integer.parseInt(number) : 0;
        Optional<OpenChoices.Answer> answer = callbacks.pickByLink(token, picked);
        if (answer.isEmpty()) {
            return invalid(model, response);
        }
        model.addAttribute("lang", choice.get().language());
        // Planned: the same words as by SMS. Not (full meanwhile, or not on the list): pick again from the times of now.
        String language = choice.get().language();
        model.addAttribute("answer", answer.get().backInQueue() ? answer.get().text().lines().toList()
                : java.util.List.of("en".equals(language) ? "That time can no longer be chosen. Please choose another time below."
                        : "Die tijd kunt u niet meer kiezen. Kies hieronder een andere tijd."));
        model.addAttribute("planned", answer.get().backInQueue());
        // Full meanwhile, or not on the list: the times of now, to pick again.
        callbacks.linkChoice(token).filter(c -> !answer.get().backInQueue()).ifPresent(c -> {
            model.addAttribute("token", token);
            model.addAttribute("choice", c);
        });
        return "terugbellen";
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("invalid", true);
        model.addAttribute("lang", "nl");
        return "terugbellen";
    }
}
