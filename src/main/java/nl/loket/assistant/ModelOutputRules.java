package nl.loket.assistant;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rules every text a language model writes must keep, whatever it was asked to write. */
final class ModelOutputRules {

    // Digits with single dots or commas between them ("1.250,50"); written without a repeated group,
    // which Java matches recursively and would overflow the stack on a long "1.1.1.1…".
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,]*(?<![.,])");

    private ModelOutputRules() { }

    /** True when the text has a number (amount, date, deadline…) that its source does not have. */
    static boolean inventsNumbers(String text, String source) {
        Matcher numbers = NUMBER.matcher(text);
        while (numbers.find()) {
            if (!source.contains(numbers.group())) {
                return true;
            }
        }
        return false;
    }
}
