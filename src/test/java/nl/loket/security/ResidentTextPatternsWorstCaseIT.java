package nl.loket.security;

import nl.loket.platform.privacy.PersonalDataRedactor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No regular expression in Loket may take more than linear time on what a resident sends. Every
 * {@code java.util.regex.Pattern} held in a static field of any Loket class (so a pattern added later is
 * covered without touching this test) runs against generated worst-case inputs of the 5,000-character
 * message limit: a prefix that starts a match (a plus and a digit, 06, an IBAN start, half an e-mail
 * address…), one or two characters pumped thousands of times, and a last character that makes the match
 * fail, which is what drives a backtracking engine to try every split. Patterns compiled with RE2/J
 * (the signal lists) are linear by construction and are covered through the redactor and the whole
 * assistant in {@code AssistantWorstCaseInputTest}.
 *
 * <p>A match is cut off once it exceeds the budget (the text it reads throws), so a regression fails
 * here in a second instead of hanging the build. The budget counts the matching thread's CPU time, not the clock, so
 * other work on the machine cannot push a linear pattern over it; it is generous too: a linear
 * pattern needs well under 10 ms for 5,000 characters, the ReDoS this test was written for needed 8 s
 * for 67.
 */
class ResidentTextPatternsWorstCaseIT {

    static final int MESSAGE_LIMIT = 5_000;
    static final long BUDGET_NANOS = 250_000_000L;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of the current thread: what a pattern costs, whatever else runs on the machine. */
    static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static final List<String> PREFIXES = List.of("", "+1", "+31 ", "0031", "06", "06-", "024", "(024) ", "NL91",
            "nl91 ", "a@", "a@b.", "x.y@", "6511", "6511 AB ", "12-", "AB-", "€ ", "http://", "mijn ", "[BSN] ");
    static final List<String> PUMPS = List.of("0", "1", "9", "a", "Z", "@", ".", "-", "+", " ", "(", ")", ",", "_", "%",
            "/", ":", "é", "\n", "1 ", "1-", "1.", "(1)", "1)", "a.", "a@", "ab ", "12 ", "1a", "a1", "AB12", "ab-",
            " .", "0 ", "aa", "e e", "...");
    static final List<String> SUFFIXES = List.of("", "a", "-1", "!");

    record Timing(String pattern, String input, long nanos) { }

    @Test
    void everyPatternInLoketRunsInLinearTimeOnWorstCaseInputsUpToTheMessageLimit() throws Exception {
        List<java.util.regex.Pattern> patterns = loketPatterns();
        assertThat(patterns).as("patterns found in Loket's classes").hasSizeGreaterThan(20);
        List<Timing> timings = new ArrayList<>();
        for (java.util.regex.Pattern pattern : patterns) {
            timings.add(worstCase(pattern));
        }
        timings.sort(Comparator.comparingLong(Timing::nanos).reversed());
        System.out.printf("Worst-case regex timings over %d patterns x %d inputs of %d characters:%n",
                patterns.size(), inputs().size(), MESSAGE_LIMIT);
        timings.stream().limit(8).forEach(t -> System.out.printf("  %7.2f ms  %s  on %s%n", t.nanos() / 1e6,
                abbreviate(t.pattern(), 70), t.input()));
        assertThat(timings.stream().filter(t -> t.nanos() >= BUDGET_NANOS)
                .map(t -> t.pattern() + " on " + t.input()).toList()).as("patterns over budget").isEmpty();
    }

    @Test
    void theRedactorAsAWholeStaysLinearOnWorstCaseInputs() {
        PersonalDataRedactor redactor = new PersonalDataRedactor();
        long worst = 0;
        String worstInput = "";
        for (Input input : inputs()) {
            long start = cpuNanos();
            redactor.redact(input.text());
            long took = cpuNanos() - start;
            if (took > worst) {
                worst = took;
                worstInput = input.describe();
            }
        }
        System.out.printf("Redactor worst case: %.2f ms on %s%n", worst / 1e6, worstInput);
        assertThat(worst).as("redacting %s", worstInput).isLessThan(BUDGET_NANOS);
    }

    @Test
    void theReportedPhoneNumberAttackIsRedactedQuickly() {
        String attack = "Bel mij op +1" + "1".repeat(80) + "a";
        long start = cpuNanos();
        new PersonalDataRedactor().redact(attack);
        assertThat(cpuNanos() - start).isLessThan(BUDGET_NANOS);
    }

    record Input(String prefix, String pump, String suffix, String text) {
        String describe() {
            return "'" + prefix + "' + '" + pump.replace("\n", "\\n") + "' x " + (text.length() - prefix.length()
                    - suffix.length()) / pump.length() + " + '" + suffix + "'";
        }
    }

    static List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String pump : PUMPS) {
                for (String suffix : SUFFIXES) {
                    int room = MESSAGE_LIMIT - prefix.length() - suffix.length();
                    inputs.add(new Input(prefix, pump, suffix, prefix + pump.repeat(room / pump.length()) + suffix));
                }
            }
        }
        return inputs;
    }

    private static Timing worstCase(java.util.regex.Pattern pattern) {
        Timing worst = new Timing(pattern.pattern(), "", 0);
        for (Input input : inputs()) {
            long start = cpuNanos();
            try {
                java.util.regex.Matcher matcher = pattern.matcher(new Deadline(input.text(), start + BUDGET_NANOS));
                while (matcher.find()) {
                    // every match, as the redactor and the lists scan the whole text
                }
            } catch (Deadline.Exceeded e) {
                return new Timing(pattern.pattern(), input.describe() + " (over budget)", Long.MAX_VALUE);
            } catch (StackOverflowError e) {
                // a repeated alternation recurses per character: a long message would answer 500
                return new Timing(pattern.pattern(), input.describe() + " (stack overflow)", Long.MAX_VALUE);
            }
            long took = cpuNanos() - start;
            if (took > worst.nanos()) {
                worst = new Timing(pattern.pattern(), input.describe(), took);
            }
        }
        return worst;
    }

    /** Text that stops a runaway match: reading it after the deadline throws. */
    private record Deadline(String text, long deadlineNanos) implements CharSequence {
        static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }

        private static int reads;

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && cpuNanos() > deadlineNanos) {
                throw new Exceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Every static java.util.regex.Pattern field of every class under nl.loket in the main classes. */
    static List<java.util.regex.Pattern> loketPatterns() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(PersonalDataRedactor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<java.util.regex.Pattern> found = new ArrayList<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(p -> classes.relativize(p).toString())
                    .filter(n -> n.endsWith(".class") && n.startsWith("nl"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ResidentTextPatternsWorstCaseIT.class.getClassLoader());
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == java.util.regex.Pattern.class) {
                    try {
                        field.setAccessible(true);
                        found.add((java.util.regex.Pattern) field.get(null));
                    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                        throw new IllegalStateException("cannot read " + name + "." + field.getName(), e);
                    }
                }
            }
        }
        return found;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
