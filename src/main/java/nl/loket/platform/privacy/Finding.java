package nl.loket.platform.privacy;

/** One piece of personal data, by position in the original text (end exclusive). */
public record Finding(Kind kind, int start, int end) {

    public enum Kind {
        BSN("[BSN]"),
        IBAN("[IBAN]"),
        PHONE("[TELEFOON]"),
        EMAIL("[E-MAIL]"),
        POSTCODE_HOUSE_NUMBER("[ADRES]"),
        LICENCE_PLATE("[KENTEKEN]");

        private final String replacement;

        Kind(String replacement) {
            this.replacement = replacement;
        }

        /** The placeholder that stands in for this kind of data in redacted text. */
        public String replacement() {
            return replacement;
        }
    }

    public Finding {
        if (kind == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("Invalid finding " + kind + " " + start + ".." + end);
        }
    }

    boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }
}
