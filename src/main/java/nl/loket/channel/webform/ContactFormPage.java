package nl.loket.channel.webform;

import nl.loket.contact.ContactProperties;
import nl.loket.channel.InboundRoute;
import nl.loket.contact.InboundText;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.contact.ResidentFeedback;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contact form page. It works without JavaScript: the browser posts the form here, this
 * controller checks it with the same {@link ContactForm} rules as the API and hands it to the same route
 * ({@link InboundRoute}, {@code direct:inbound}) as {@code POST /api/forms/contact} and every other channel. With JavaScript,
 * {@code contact.js} shows the same messages before sending.
 */
@Controller
class ContactFormPage {

    /** Field order on the page; the error summary follows it. */
    static final List<String> PAGE_FIELDS = List.of("name", "email", "phone", "subject", "message");

    private final InboundRoute inbound;
    private final ResidentFeedback feedback;
    private final Clock clock;
    private final ContactProperties properties;

    ContactFormPage(InboundRoute inbound, ResidentFeedback feedback, Clock clock, ContactProperties properties) {
        this.inbound = inbound;
        this.feedback = feedback;
        this.clock = clock;
        this.properties = properties;
    }

    /** Every message the page can show, in B1 Dutch; contact.js reads them from the form's data attributes. */
    Map<String, String> messages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "Uw naam is te lang. Gebruik hoogstens 200 tekens.");
        m.put("email", "Vul een goed e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.");
        m.put("phone", "Vul een goed telefoonnummer in, bijvoorbeeld 06 12345678.");
        m.put("contact", "Vul een e-mailadres of een telefoonnummer in. Dan kunnen we u antwoorden.");
        m.put("subject", "Het onderwerp is te lang. Gebruik hoogstens 200 tekens.");
        m.put("message", "Schrijf uw vraag of bericht.");
        m.put("messageLength", "Uw bericht is te lang. Gebruik hoogstens " + properties.maxMessageLength() + " tekens.");
        return m;
    }

    @GetMapping("/contact")
    String form(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        model.addAttribute("messages", messages());
        model.addAttribute("maxMessageLength", properties.maxMessageLength());
        return "contact";
    }

    @PostMapping(path = "/contact", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String submit(@RequestParam Map<String, String> params, Model model) {
        Map<String, String> form = new HashMap<>();
        for (String field : ContactForm.FIELDS) {
            if (params.get(field) != null) {
                form.put(field, params.get(field));
            }
        }
        Map<String, String> errors = errors(form);
        if (!errors.isEmpty()) {
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("messages", messages());
            model.addAttribute("maxMessageLength", properties.maxMessageLength());
            return "contact";
        }
        ContactForm parsed = ContactForm.parse(form, properties.maxMessageLength());
        Receipt receipt = inbound.receive(parsed.toInbound(OffsetDateTime.now(clock)));
        model.addAttribute("reference", receipt.reference());
        model.addAttribute("phoneDoubtful", parsed.phoneDoubtful());
        model.addAttribute("conversationId", receipt.conversation().id());
        addReply(model, receipt.reply());
        return "contact-sent";
    }

    /** "Nee, niet geholpen": a person takes the contact further. The conversation id is the proof of ownership. */
    @PostMapping(path = "/contact/not-helped", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String notHelped(@RequestParam(name = "conversation", required = false) String conversationId, Model model) {
        Reply reply = feedback.notHelped(conversationId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("reference", reply.escalation().reference());
        addReply(model, reply);
        return "contact-not-helped";
    }

    /** Field → message, in page order; the same rules as the API plus "e-mail or phone, at least one". */
    Map<String, String> errors(Map<String, String> form) {
        Set<String> faults = ContactForm.faults(form, properties.maxMessageLength());
        Map<String, String> messages = messages();
        Map<String, String> errors = new LinkedHashMap<>();
        boolean noWayToAnswer = InboundText.clean(form.get("email")).isEmpty()
                && InboundText.clean(form.get("phone")).isEmpty();
        for (String field : PAGE_FIELDS) {
            if (field.equals("email") && noWayToAnswer) {
                errors.put("email", messages.get("contact"));
            } else if (field.equals("message") && faults.contains("message")) {
                errors.put("message", InboundText.clean(form.get("message")).isEmpty()
                        ? messages.get("message") : messages.get("messageLength"));
            } else if (faults.contains(field)) {
                errors.put(field, messages.get(field));
            }
        }
        return errors;
    }

    private static void addReply(Model model, Reply reply) {
        model.addAttribute("reply", reply);
        model.addAttribute("replyParagraphs", reply.text() == null ? List.of()
                : Arrays.stream(reply.text().split("\\n+")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        model.addAttribute("sources", reply.sources().stream()
                .filter(s -> s.url() != null && s.url().matches("(?i)https?://[^\\s\"'<>]+")).toList());
        model.addAttribute("escalated", reply.escalated());
    }
}
