package nl.loket.contact;

import nl.loket.platform.InvalidRequestException;

import java.text.Normalizer;

/**
 * Cleans what a resident typed or said before it is stored: Unicode normalised (NFC), control
 * characters removed (line breaks and tabs stay), invisible format characters removed (soft hyphen,
 * zero-width spaces and joiners, word joiner, bidi controls, BOM: they hide words from an agent's eyes and
 * from the rules), surrounding space trimmed. Words are kept as sent; a zero-width joiner between emoji stays.
 */
public final class InboundText {

    private InboundText() { }

    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String normalised = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalised.length());
        int previous = 0;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            boolean invisible = Character.isISOControl(cp) || isInvisibleFormat(cp, previous);
            if (cp == '\n' || cp == '\t' || !invisible) {
                out.appendCodePoint(cp == '\t' ? ' ' : cp);
                previous = cp;
            }
        }
        return out.toString().replace("\r", "").strip();
    }

    /** A required message field: cleaned, not empty, not longer than {@code maxLength}. */
    public static String required(String raw, String field, int maxLength) {
        String text = clean(raw);
        if (text.isEmpty()) {
            throw new InvalidRequestException(field, "'" + field + "' is required and may not be empty.");
        }
        if (text.length() > maxLength) {
            throw new MessageTooLongException(field, maxLength);
        }
        return text;
    }

    /** An optional short field: cleaned, null when empty, at most {@code maxLength}. */
    public static String optional(String raw, String field, int maxLength) {
        String text = clean(raw);
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > maxLength) {
            throw new InvalidRequestException(field, "'" + field + "' may be at most " + maxLength + " characters.");
        }
        return text;
    }

    // Every format character (category Cf) and the zero-width space; the zero-width joiner only inside a word.
    private static boolean isInvisibleFormat(int cp, int previous) {
        if (cp == 0x200D) {
            return Character.isLetterOrDigit(previous) || previous == 0;
        }
        return cp == 0x200B || Character.getType(cp) == Character.FORMAT;
    }
}
