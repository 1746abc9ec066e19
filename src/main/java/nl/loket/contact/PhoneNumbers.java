package nl.loket.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/** Phone numbers in one form (E.164), so an SMS and a call from the same phone meet one resident. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() { }

    /**
     * A number a resident typed: accepted when it has a plausible length for its country, and {@code doubtful} when
     * the numbering plan does not know it (a new range, a typo). Refusing it would lose the message; the resident
     * is asked to check it instead.
     */
    public record TypedNumber(String e164, boolean doubtful) { }

    public static Optional<TypedNumber> typed(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw.trim(), "NL");
            // The length of a complete mobile or landline number of its country; a short or service form is not enough
            boolean plausible = UTIL.isPossibleNumberForTypeWithReason(number, PhoneNumberUtil.PhoneNumberType.MOBILE)
                    == PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                    || UTIL.isPossibleNumberForTypeWithReason(number, PhoneNumberUtil.PhoneNumberType.FIXED_LINE)
                    == PhoneNumberUtil.ValidationResult.IS_POSSIBLE;
            boolean valid = UTIL.isValidNumber(number);
            if (!plausible && !valid) {
                return Optional.empty();
            }
            return Optional.of(new TypedNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), !valid));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** E.164 form of a number as a resident or provider wrote it, Dutch by default; empty if it is no valid number. */
    public static Optional<String> toE164(String raw) {
        return typed(raw).filter(n -> !n.doubtful()).map(TypedNumber::e164);
    }
}
