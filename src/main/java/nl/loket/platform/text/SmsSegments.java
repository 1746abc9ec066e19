package nl.loket.platform.text;

/**
 * Counts what an SMS costs: how many GSM-7 septets or UCS-2 code units a text takes and how many
 * segments it is split into. One character outside GSM-7 (an ë, an emoji) turns the whole message
 * into UCS-2, which more than halves the room per segment.
 */
public final class SmsSegments {

    public enum Encoding { GSM7, UCS2 }

    /** units: septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
    public record Segments(Encoding encoding, int units, int segments) {
    }

    static final int GSM7_SINGLE = 160;
    static final int GSM7_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;

    // GSM 03.38 basic character set (without the escape to the extension table).
    private static final String GSM7_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    // GSM 03.38 extension table: escape + character, so two septets each.
    private static final String GSM7_EXTENSION = "^{}\\[~]|€\f";

    private SmsSegments() {
    }

    public static Segments count(String text) {
        String s = text == null ? "" : text;
        if (isGsm7(s)) {
            int units = 0;
            for (int i = 0; i < s.length(); i++) {
                units += septets(s.charAt(i));
            }
            return new Segments(Encoding.GSM7, units, gsm7Segments(s, units));
        }
        return new Segments(Encoding.UCS2, s.length(), ucs2Segments(s));
    }

    public static boolean isGsm7(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM7_BASIC.indexOf(c) < 0 && GSM7_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text itself when it fits in {@code maxSegments}; otherwise the longest start of it that ends at
     * a word boundary, followed by {@code suffix} (for instance "… https://nijmegen.nl/afval"), so that the
     * whole fits. A space is put before a suffix that does not start with whitespace.
     *
     * @throws IllegalArgumentException when maxSegments is below 1 or the suffix alone does not fit
     */
    public static String truncateToSegments(String text, int maxSegments, String suffix) {
        return fit(text, maxSegments, suffix, false);
    }

    /**
     * The text followed by {@code suffix} (a source link an SMS answer must keep), the text shortened at a word
     * boundary when both together do not fit in {@code maxSegments}: unlike {@link #truncateToSegments}, the
     * suffix is always there.
     *
     * @throws IllegalArgumentException when maxSegments is below 1 or the suffix alone does not fit
     */
    public static String withSuffix(String text, int maxSegments, String suffix) {
        return fit(text, maxSegments, suffix, true);
    }

    private static String fit(String text, int maxSegments, String suffix, boolean suffixAlways) {
        if (maxSegments < 1) {
            throw new IllegalArgumentException("maxSegments must be at least 1");
        }
        String s = text == null ? "" : text;
        String tail = suffix == null ? "" : suffix;
        String whole = suffixAlways ? s + (tail.isEmpty() || Character.isWhitespace(tail.charAt(0)) ? "" : " ") + tail : s;
        if (count(whole).segments() <= maxSegments) {
            return whole;
        }
        String joiner = tail.isEmpty() || Character.isWhitespace(tail.charAt(0)) ? "" : " ";
        if (count(tail.strip()).segments() > maxSegments) {
            throw new IllegalArgumentException("The suffix alone does not fit in " + maxSegments + " segments");
        }
        // Longest word-boundary cut that fits; a longer start never takes fewer segments, so scan down.
        for (int cut = s.length(); cut > 0; cut--) {
            if (!isWordBoundary(s, cut)) {
                continue;
            }
            String start = trimCutEnd(s.substring(0, cut));
            if (!start.isEmpty() && count(start + joiner + tail).segments() <= maxSegments) {
                return start + joiner + tail;
            }
        }
        // The first word alone is too long: cut inside it, never between the halves of a surrogate pair.
        for (int cut = s.length() - 1; cut > 0; cut--) {
            if (Character.isLowSurrogate(s.charAt(cut))) {
                continue;
            }
            String start = s.substring(0, cut);
            if (count(start + joiner + tail).segments() <= maxSegments) {
                return start + joiner + tail;
            }
        }
        return tail.strip();
    }

    private static boolean isWordBoundary(String s, int cut) {
        return cut < s.length() && Character.isWhitespace(s.charAt(cut))
                && !Character.isWhitespace(s.charAt(cut - 1));
    }

    // A cut should not end on a dangling comma or dash before the suffix.
    private static String trimCutEnd(String start) {
        int end = start.length();
        while (end > 0 && (Character.isWhitespace(start.charAt(end - 1)) || ",;:-–".indexOf(start.charAt(end - 1)) >= 0)) {
            end--;
        }
        return start.substring(0, end);
    }

    private static int septets(char c) {
        return GSM7_EXTENSION.indexOf(c) >= 0 ? 2 : 1;
    }

    // An escaped character is never split over two parts, so a part can hold 152 septets.
    private static int gsm7Segments(String s, int units) {
        if (units == 0) {
            return 0;
        }
        if (units <= GSM7_SINGLE) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < s.length(); i++) {
            int size = septets(s.charAt(i));
            if (used + size > GSM7_PART) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return segments;
    }

    // A surrogate pair (an emoji) is never split over two parts.
    private static int ucs2Segments(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        if (s.length() <= UCS2_SINGLE) {
            return 1;
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int size = Character.charCount(s.codePointAt(i));
            if (used + size > UCS2_PART) {
                segments++;
                used = 0;
            }
            used += size;
            i += size;
        }
        return segments;
    }
}
