package nl.loket.platform.privacy;

import nl.loket.platform.privacy.Finding.Kind;
import nl.loket.platform.text.ResourceLines;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks personal data in free text. Numbers are checked, not just shaped: a BSN must pass the
 * 11-proef and an IBAN mod-97, so amounts, dates and case numbers stay readable. The municipality's
 * own short number and help lines (listed in {@code platform/privacy/public-numbers.txt}) are kept,
 * because answers quote them. Thread-safe and stateless.
 */
public final class PersonalDataRedactor {

    private static final int REJECT = -1;

    private static final Set<String> PUBLIC_NUMBERS = ResourceLines.read("/platform/privacy/public-numbers.txt")
            .stream().map(PersonalDataRedactor::digits).collect(Collectors.toUnmodifiableSet());

    // Every quantifier is bounded or possessive: these patterns run on whatever a resident sends, so none may
    // backtrack more than a constant amount per position (proven by ResidentTextPatternsWorstCaseIT).
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[\\w.%+-]{1,64}+@(?:[\\p{L}\\p{N}-]{1,63}+\\.){1,8}\\p{L}{2,24}(?![\\w-])");

    // Country code, check digits, then groups of four (spaces allowed between groups); validated by mod-97.
    private static final Pattern IBAN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE);

    private static final String SEP = "[ .-]";
    private static final String NO_DIGIT_BEFORE = "(?<![\\w+])";
    private static final String NO_DIGIT_AFTER = "(?![\\w])(?!-\\d)";
    private static final Pattern PHONE = Pattern.compile(String.join("|",
            // Dutch mobile: 06 and eight digits, in the usual groupings.
            NO_DIGIT_BEFORE + "06" + SEP + "?(?:\\d{8}|\\d{4}" + SEP + "\\d{4}|\\d{2}(?:" + SEP + "\\d{2}){3}"
                    + "|\\d{3}" + SEP + "\\d{3}" + SEP + "\\d{2}|\\d{2}" + SEP + "\\d{3}" + SEP + "\\d{3})" + NO_DIGIT_AFTER,
            // Landline with a three-digit area code, e.g. 024-1234567, (024) 123 45 67.
            NO_DIGIT_BEFORE + "(?:0[1-9]\\d|\\(0[1-9]\\d\\))" + SEP + "?(?:\\d{7}|\\d{3}" + SEP + "\\d{4}|\\d{3}"
                    + SEP + "\\d{2}" + SEP + "\\d{2}|\\d{2}" + SEP + "\\d{2}" + SEP + "\\d{3})" + NO_DIGIT_AFTER,
            // Landline with a four-digit area code, e.g. 0481-123456.
            NO_DIGIT_BEFORE + "(?:0[1-9]\\d{2}|\\(0[1-9]\\d{2}\\))" + SEP + "?(?:\\d{6}|\\d{2}" + SEP + "\\d{2}"
                    + SEP + "\\d{2}|\\d{3}" + SEP + "\\d{3})" + NO_DIGIT_AFTER,
            // Dutch number in international form: +31 / 0031, optional (0), nine digits.
            NO_DIGIT_BEFORE + "(?:\\+|00)31" + SEP + "?(?:\\(0\\)" + SEP + "?)?\\d(?:" + SEP + "?\\d){8}" + NO_DIGIT_AFTER,
            // Any other international number written with a plus: one digit at a time, each with its own
            // separator or brackets, so there is exactly one way to read the digits (no nested repetition).
            NO_DIGIT_BEFORE + "\\+[1-9](?:" + SEP + "?+\\(?+\\d\\)?+){7,14}" + NO_DIGIT_AFTER));

    private static final Pattern BSN = Pattern.compile(
            "(?<![\\d.,-])(?:\\d{9}|\\d{8}|\\d{3}( |\\.)\\d{3}\\1\\d{3}|\\d{4}\\.\\d{2}\\.\\d{3})(?![\\d]|[.,-]\\d)");

    // Postcode then house number (with addition): "6511 AB 12", "6511AB 12a", "6511ab, 12".
    private static final Pattern POSTCODE_THEN_NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\-/.:])[1-9]\\d{3}(?<space> ?)(?<letters>[A-Za-z]{2})(?![\\p{L}\\p{N}]),? ?\\d{1,5}"
                    + "(?:(?: ?-? ?[A-Za-z])(?![\\p{L}\\p{N}])|-\\d{1,4})?(?![\\p{L}\\p{N}])");
    // House number then postcode, as in "Molenstraat 12, 6511 AB".
    private static final Pattern NUMBER_THEN_POSTCODE = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\-/.:])\\d{1,5}[A-Za-z]?,? [1-9]\\d{3}(?<space> ?)(?<letters>[A-Za-z]{2})(?![\\p{L}\\p{N}])");
    // Short words that follow a number in ordinary sentences ("in 2024 op 12 maart").
    private static final Set<String> NOT_POSTCODE_LETTERS =
            Set.copyOf(ResourceLines.read("/platform/privacy/not-postcode-letters.txt"));

    // Dutch side-codes 1-14 with hyphens; without hyphens 9999-XX is left out, as it is also a postcode.
    private static final String[] SIDE_CODES = {
            "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D",
            "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D"};
    private static final Pattern PLATE = Pattern.compile(plateRegex(), Pattern.CASE_INSENSITIVE);

    public Redaction redact(String text) {
        if (text == null || text.isEmpty()) {
            return new Redaction(text == null ? "" : text, List.of());
        }
        List<Finding> findings = new ArrayList<>();
        // Most specific first; a later kind never takes a span an earlier kind already holds.
        find(text, EMAIL, Kind.EMAIL, findings, m -> m.group().length());
        find(text, IBAN, Kind.IBAN, findings, m -> ibanLength(m.group()));
        find(text, PHONE, Kind.PHONE, findings, m -> phoneLength(m.group()));
        find(text, BSN, Kind.BSN, findings, m -> passesElevenTest(digits(m.group())) ? m.group().length() : REJECT);
        find(text, POSTCODE_THEN_NUMBER, Kind.POSTCODE_HOUSE_NUMBER, findings, PersonalDataRedactor::addressLength);
        find(text, NUMBER_THEN_POSTCODE, Kind.POSTCODE_HOUSE_NUMBER, findings, PersonalDataRedactor::addressLength);
        find(text, PLATE, Kind.LICENCE_PLATE, findings, m -> plateLength(m.group()));
        findings.sort(Comparator.comparingInt(Finding::start));
        return new Redaction(replace(text, findings), findings);
    }

    /** How much of a pattern match really is personal data: its length, a shorter start, or REJECT. */
    private interface Validator {
        int validLength(Matcher match);
    }

    private static void find(String text, Pattern pattern, Kind kind, List<Finding> findings, Validator validator) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            int length = validator.validLength(matcher);
            if (length <= 0) {
                continue;
            }
            int start = matcher.start();
            int end = start + length;
            if (findings.stream().noneMatch(f -> f.overlaps(start, end))) {
                findings.add(new Finding(kind, start, end));
            }
        }
    }

    // Lower-case letters after a space may be an ordinary word ("2024 op 12"), not postcode letters.
    private static int addressLength(Matcher match) {
        String letters = match.group("letters");
        boolean wordLike = !match.group("space").isEmpty() && letters.equals(letters.toLowerCase(Locale.ROOT))
                && NOT_POSTCODE_LETTERS.contains(letters);
        return wordLike ? REJECT : match.group().length();
    }

    // Real numbers have 8 to 15 digits; help lines and the municipality's own number stay.
    private static int phoneLength(String candidate) {
        String digits = digits(candidate);
        boolean plausible = digits.length() >= 8 && digits.length() <= 15;
        return plausible && !PUBLIC_NUMBERS.contains(digits) ? candidate.length() : REJECT;
    }

    // Without hyphens the plate must mix letters and digits in a real side-code; postcode shape excluded.
    private static int plateLength(String candidate) {
        boolean postcodeShape = candidate.indexOf('-') < 0 && candidate.matches("\\d{4}[A-Za-z]{2}");
        return postcodeShape ? REJECT : candidate.length();
    }

    /**
     * Length of the longest start of the candidate that is a valid IBAN, dropping trailing groups that the
     * pattern may have taken from a following word; REJECT when there is none.
     */
    private static int ibanLength(String candidate) {
        String s = candidate;
        while (true) {
            String compact = s.replace(" ", "").toUpperCase(Locale.ROOT);
            if (compact.length() >= 15 && compact.length() <= 34 && passesMod97(compact)) {
                return s.length();
            }
            int lastSpace = s.lastIndexOf(' ');
            if (lastSpace < 0) {
                return REJECT;
            }
            s = s.substring(0, lastSpace);
        }
    }

    static boolean passesMod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** 11-proef; an 8-digit number is a BSN written without its leading zero. */
    static boolean passesElevenTest(String digits) {
        String bsn = digits.length() == 8 ? "0" + digits : digits;
        if (bsn.length() != 9 || bsn.chars().allMatch(c -> c == '0')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        sum -= bsn.charAt(8) - '0';
        return sum % 11 == 0;
    }

    private static String plateRegex() {
        List<String> alternatives = new ArrayList<>();
        for (String sideCode : SIDE_CODES) {
            String[] parts = sideCode.split("-");
            StringBuilder hyphenated = new StringBuilder();
            StringBuilder compact = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].charAt(0) == 'L' ? "[A-Z]{" + parts[i].length() + "}" : "\\d{" + parts[i].length() + "}";
                hyphenated.append(i == 0 ? "" : "-").append(part);
                compact.append(part);
            }
            alternatives.add(hyphenated.toString());
            alternatives.add(compact.toString());
        }
        return "(?<![\\p{L}\\p{N}-])(?:" + String.join("|", alternatives) + ")(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])";
    }

    private static String replace(String text, List<Finding> findings) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Finding finding : findings) {
            out.append(text, at, finding.start()).append(finding.kind().replacement());
            at = finding.end();
        }
        return out.append(text.substring(at)).toString();
    }

    private static String digits(String s) {
        return s.replaceAll("\\D", "");
    }
}
