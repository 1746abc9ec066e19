package nl.loket.contact;

import nl.loket.platform.InvalidRequestException;

import java.text.Normalizer;

/**
 * Cleans what a resident typed or said before it is stored: Unicode normalised (NFC), control
 * characters removed (line breaks and tabs stay), surrounding space trimmed. Words are kept as sent.
 */
public final class InboundText {

    private InboundText() { }

    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String normalised = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalised.length());
        normalised.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !(Character.isISOControl(cp) || isInvisibleFormat(cp))) {
                out.appendCodePoint(cp == '\t' ? ' ' : cp);
            }
        });
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

    private static boolean isInvisibleFormat(int cp) {
        // zero-width and bidi controls can hide text from an agent's eyes; keep the zero-width joiner for emoji
        return (cp >= 0x200B && cp <= 0x200C) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0xFEFF;
    }
}
