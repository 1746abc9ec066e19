package nl.loket.registry;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import nl.loket.contact.Channel;
import nl.loket.platform.privacy.Finding;
import nl.loket.platform.privacy.PersonalDataRedactor;
import nl.loket.platform.privacy.Redaction;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

/**
 * The field rules of the Klantinteracties API (see docs/registry.md), in one place: lengths, the
 * language code, the channel in words, which phone numbers may be sent as a digital address, and
 * text fit to show the resident (BSN and IBAN masked). Stateless.
 */
final class KlantcontactContent {

    static final int INHOUD_MAX = 1000;
    static final int ONDERWERP_MAX = 200;
    static final int GEVRAAGDE_HANDELING_MAX = 200;
    static final int TOELICHTING_MAX = 1000;
    static final int ADRES_MAX = 80;
    static final String ELLIPSIS = "…";

    /** Channel names as Dutch contact centres (and KISS's default list) write them. */
    private static final Map<Channel, String> KANALEN = Map.of(
            Channel.CHAT, "Live chat",
            Channel.WEBFORM, "Contactformulier",
            Channel.SMS, "SMS",
            Channel.PHONE, "Telefoon");

    // A resident's own number: no service numbers (14 024, 0800, 0900, 088 company numbers), no short codes.
    private static final Set<PhoneNumberType> PERSONAL_NUMBER_TYPES =
            EnumSet.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
    private static final Set<Finding.Kind> MASKED_FOR_RESIDENT = EnumSet.of(Finding.Kind.BSN, Finding.Kind.IBAN);

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final PersonalDataRedactor REDACTOR = new PersonalDataRedactor();

    private KlantcontactContent() { }

    static String kanaal(Channel channel, Map<Channel, String> configured) {
        String name = configured == null ? null : configured.get(channel);
        return name != null && !name.isBlank() ? name : KANALEN.get(channel);
    }

    /** ISO 639-2 code as the API wants it ({@code nld}, {@code eng}, {@code tur}); {@code und} when unknown. */
    static String taal(String language) {
        if (language == null || language.isBlank()) {
            return "nld";
        }
        String code = language.strip().toLowerCase(Locale.ROOT);
        if (code.matches("[a-z]{3}")) {
            return code;
        }
        try {
            String iso3 = new Locale(code.split("[-_]")[0]).getISO3Language();
            return iso3.length() == 3 ? iso3 : "und";
        } catch (MissingResourceException e) {
            return "und";
        }
    }

    /** The number in E.164 when it is a valid personal (mobile or landline) number; service numbers are left out. */
    static Optional<String> personalPhone(String number) {
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(number.strip(), "NL");
            if (!PHONES.isValidNumber(parsed) || !PERSONAL_NUMBER_TYPES.contains(PHONES.getNumberType(parsed))) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** An e-mail address the API takes (at most 80 characters). */
    static Optional<String> email(String address) {
        if (address == null || address.isBlank() || address.length() > ADRES_MAX || !address.contains("@")) {
            return Optional.empty();
        }
        return Optional.of(address.strip());
    }

    /** Text a resident may see again: BSN and IBAN masked, the rest as they wrote it. */
    static String forResident(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        Redaction redaction = REDACTOR.redact(text);
        List<Finding> masked = redaction.findings().stream()
                .filter(f -> MASKED_FOR_RESIDENT.contains(f.kind()))
                .sorted(Comparator.comparingInt(Finding::start).reversed())
                .toList();
        StringBuilder out = new StringBuilder(text);
        for (Finding f : masked) {
            out.replace(f.start(), f.end(), f.kind().replacement());
        }
        return out.toString();
    }

    /** At most {@code max} characters, cut after a whole word and ended with an ellipsis when too long. */
    static String fit(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = text.strip();
        if (clean.length() <= max) {
            return clean;
        }
        int limit = max - ELLIPSIS.length();
        int cut = limit;
        while (cut > 0 && !Character.isWhitespace(clean.charAt(cut))) {
            cut--;
        }
        if (cut < limit / 2) {
            cut = limit; // one very long word: cut inside it rather than lose half the text
        }
        if (cut > 0 && Character.isHighSurrogate(clean.charAt(cut - 1))) {
            cut--;
        }
        return clean.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /** A topic slug ({@code afval-grofvuil}) as words ({@code Afval grofvuil}). */
    static String topicWords(String topic) {
        if (topic == null || topic.isBlank()) {
            return null;
        }
        String words = topic.strip().replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
