package nl.loket.outreach;

import jakarta.servlet.http.HttpServletResponse;
import nl.loket.contact.OptOuts;
import nl.loket.platform.Prompts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.Map;

/**
 * {@code /afmelden/{token}}: the link under every campaign e-mail. GET only asks (mail scanners that open
 * links must not opt anyone out); the button POSTs, and the signed token is the proof, so there is no
 * login and no session. Works without JavaScript; strict CSP like the other resident pages.
 */
@Controller
class OptOutPage {

    private final OptOuts optOuts;
    private final Prompts prompts;

    OptOutPage(OptOuts optOuts, Prompts prompts) {
        this.optOuts = optOuts;
        this.prompts = prompts;
    }

    @GetMapping("/afmelden/{token}")
    String ask(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!optOuts.validLink(token)) {
            return invalid(model, response);
        }
        texts(model, "outreach/unsubscribe-question");
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "afmelden";
    }

    @PostMapping("/afmelden/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        if (optOuts.optOutByLink(token).isEmpty()) {
            return invalid(model, response);
        }
        texts(model, "outreach/unsubscribe-done");
        model.addAttribute("done", true);
        return "afmelden";
    }

    private String invalid(Model model, HttpServletResponse response) {
        response.setStatus(404);
        texts(model, "outreach/unsubscribe-invalid");
        model.addAttribute("done", true);
        return "afmelden";
    }

    private void texts(Model model, String prompt) {
        model.addAttribute("textNl", prompts.text(prompt, "nl", Map.of()));
        model.addAttribute("textEn", prompts.text(prompt, "en", Map.of()));
    }
}
