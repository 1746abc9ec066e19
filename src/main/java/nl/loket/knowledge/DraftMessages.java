package nl.loket.knowledge;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article rules' refusals in plain Dutch for the editors' pages. The rules and their English messages stay those
 * of the loader (the build and the API speak them); a refusal these patterns do not know is shown as it is.
 */
final class DraftMessages {

    private record Rule(String field, Pattern english, String dutch) {

        Rule {
            // the whole message, so that a replacement never leaves a tail of the English behind
            english = Pattern.compile("^(?:" + english.pattern() + ")$");
        }
    }

    private static final List<Rule> RULES = List.of(
            new Rule("summary", Pattern.compile("is (\\d+) characters; at most (\\d+) fit two SMS segments"),
                    "Dit zijn $1 tekens. Er passen er hoogstens $2 in twee sms-delen. Maak de samenvatting korter."),
            new Rule("examples", Pattern.compile("has (\\d+) entr(?:y|ies); at least (\\d+) are needed.*"),
                    "Dit zijn $1 voorbeeldvragen. Er zijn er minstens $2 nodig, zodat de assistent het onderwerp herkent."),
            new Rule("source", Pattern.compile("is '.*'; it must be an https URL.*"),
                    "Dit is geen https-adres. Schrijf het adres van de pagina, zoals https://www.nijmegen.nl/…"),
            new Rule("related", Pattern.compile("names topic '(.+)', which no published article has"),
                    "Het onderwerp '$1' heeft geen gepubliceerd artikel. Kies een bestaand onderwerp of laat het weg."),
            new Rule("related", Pattern.compile("has '(.+)', which is not a topic slug"),
                    "'$1' is geen onderwerp. Schrijf het onderwerp zoals in de lijst: kleine letters en streepjes."),
            new Rule("topic", Pattern.compile("is '.*'; a topic is a lowercase slug.*"),
                    "Gebruik alleen kleine letters, cijfers en streepjes, zoals grofvuil of uittreksel-brp."),
            new Rule("language", Pattern.compile("is '.*'; it must be one of .*"), "Kies Nederlands (nl) of Engels (en)."),
            new Rule("lastReviewed", Pattern.compile("is '.*', which is not a valid date.*"),
                    "Dit is geen geldige datum. Schrijf een datum zoals 2026-12-07."),
            new Rule("body", Pattern.compile(".*(?:is missing or empty|has an empty body).*"),
                    "Schrijf een tekst: korte alinea's, en de stappen hieronder."),
            new Rule(null, Pattern.compile("(?:is missing|is empty|is missing or not a text)"), "Vul dit in."),
            new Rule(null, Pattern.compile("entry (\\d+) is empty"), "Regel $1 is leeg."));

    private DraftMessages() {
    }

    /** The refusal of {@code field} in Dutch; {@code detail} is the rule's own message, with or without the file. */
    static String dutch(String field, String detail) {
        String problem = detail == null ? "" : detail.replaceFirst("^(?:\\S+\\.md: )?(?:field '[^']+' )?", "");
        for (Rule rule : RULES) {
            if (rule.field() != null && !rule.field().equals(field)) {
                continue;
            }
            Matcher m = rule.english().matcher(problem);
            if (m.matches()) {
                return m.replaceFirst(rule.dutch());
            }
        }
        return detail;
    }
}
