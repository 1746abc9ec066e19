package nl.loket.channel.webform;

import nl.loket.contact.Channel;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.InboundText;
import nl.loket.contact.PhoneNumbers;
import nl.loket.platform.Ids;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.ProblemException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One filled-in contact form, checked, and the {@link InboundMessage} it becomes. The API
 ({@link ContactFormChannel}) and the page without JavaScript ({@link ContactFormPage}) both use it,
 * so a form is checked and stored the same way whichever way it arrives.
 *
 * @param phone         the phone number in E.164, or null
 * @param phoneDoubtful the number has a plausible length but the numbering plan does not know it: stored, and the
 *                      resident is asked to check it
 */
record ContactForm(String message, String name, String subject, String email, String phone, String language,
                   boolean phoneDoubtful) {

    /** Pragmatic e-mail syntax: something@domain.tld, no spaces; the mail server decides the rest. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]++(?:\\.[^@\\s.]++){1,16}$");

    static final List<String> FIELDS = List.of("message", "name", "email", "phone", "subject", "language");

    /** The checked form; the first field at fault is named in the {@link ProblemException}. */
    static ContactForm parse(Map<String, String> form, int maxMessageLength) {
        PhoneNumbers.TypedNumber phone = phone(form);
        return new ContactForm(message(form, maxMessageLength), name(form), subject(form), email(form),
                phone == null ? null : phone.e164(), language(form), phone != null && phone.doubtful());
    }

    /** Every field at fault (in {@link #FIELDS} order); empty when {@link #parse} succeeds. */
    static Set<String> faults(Map<String, String> form, int maxMessageLength) {
        Set<String> faults = new LinkedHashSet<>();
        check(faults, "message", f -> message(f, maxMessageLength), form);
        check(faults, "name", ContactForm::name, form);
        check(faults, "email", ContactForm::email, form);
        check(faults, "phone", f -> { phone(f); return null; }, form);
        check(faults, "subject", ContactForm::subject, form);
        check(faults, "language", ContactForm::language, form);
        return faults;
    }

    /**
     * Every form is a resident of its own: the e-mail address and phone number are typed, not verified, so they
     * say where to answer but never link the form to anyone's earlier conversation (an agent may confirm that).
     */
    InboundMessage toInbound(OffsetDateTime receivedAt) {
        List<Identity> identities = new ArrayList<>();
        identities.add(Identity.anonymous(Ids.newId()));
        if (email != null) {
            identities.add(Identity.typedEmail(email));
        }
        if (phone != null) {
            identities.add(Identity.typedPhone(phone));
        }
        return InboundMessage.of(Channel.WEBFORM, identities, message, receivedAt, null, null)
                .withLanguage(language).withSubject(subject, name);
    }

    private static void check(Set<String> faults, String field, Function<Map<String, String>, String> rule,
                              Map<String, String> form) {
        try {
            rule.apply(form);
        } catch (ProblemException e) {
            faults.add(field);
        }
    }

    private static String message(Map<String, String> form, int maxMessageLength) {
        return InboundText.required(form.get("message"), "message", maxMessageLength);
    }

    private static String name(Map<String, String> form) {
        return InboundText.optional(form.get("name"), "name", 200);
    }

    private static String subject(Map<String, String> form) {
        return InboundText.optional(form.get("subject"), "subject", 200);
    }

    private static String email(Map<String, String> form) {
        String email = InboundText.optional(form.get("email"), "email", 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidRequestException("email", "'email' is not a valid e-mail address.");
        }
        return email;
    }

    private static PhoneNumbers.TypedNumber phone(Map<String, String> form) {
        String phone = InboundText.optional(form.get("phone"), "phone", 40);
        if (phone == null) {
            return null;
        }
        return PhoneNumbers.typed(phone).orElseThrow(() ->
                new InvalidRequestException("phone", "'phone' is not a valid phone number."));
    }

    private static String language(Map<String, String> form) {
        String language = InboundText.optional(form.get("language"), "language", 5);
        return language != null && language.matches("[a-z]{2}") ? language : null;
    }
}
