package nl.loket.knowledge;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Editors read why a draft was refused in plain Dutch, beside the field; the rules themselves stay the loader's. */
class DraftMessagesTest {

    static Map<String, Object> valid() {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("id", "nl-grofvuil");
        front.put("topic", "grofvuil");
        front.put("language", "nl");
        front.put("title", "Grofvuil");
        front.put("summary", "Kort.");
        front.put("source", "https://www.nijmegen.nl/grofvuil/");
        front.put("lastReviewed", "2026-12-07");
        front.put("examples", List.of("a", "b", "c"));
        front.put("keywords", List.of("grofvuil"));
        return front;
    }

    static String refusal(String field, Object value) {
        Map<String, Object> front = valid();
        front.put(field, value);
        InvalidArticleException e = catchThrowableOfType(InvalidArticleException.class,
                () -> ArticleParser.parse("nl/grofvuil.md", ArticleMarkdown.write(front, "Tekst.\n\n1. Stap.")));
        assertThat(e.field()).isEqualTo(field);
        return DraftMessages.dutch(field, e.getMessage());
    }

    @Test
    void theLoadersRefusalsAreSaidInDutch() {
        assertThat(refusal("summary", "x".repeat(301)))
                .isEqualTo("Dit zijn 301 tekens. Er passen er hoogstens 300 in twee sms-delen. Maak de samenvatting korter.");
        assertThat(refusal("examples", List.of("a"))).startsWith("Dit zijn 1 voorbeeldvragen. Er zijn er minstens 3 nodig");
        assertThat(refusal("source", "http://www.nijmegen.nl/")).startsWith("Dit is geen https-adres.");
        assertThat(refusal("lastReviewed", "2026-02-30")).startsWith("Dit is geen geldige datum.");
        assertThat(refusal("title", "")).isEqualTo("Vul dit in.");
        assertThat(DraftMessages.dutch("related", "nl/grofvuil.md: field 'related' names topic 'kermis', which no published article has"))
                .isEqualTo("Het onderwerp 'kermis' heeft geen gepubliceerd artikel. Kies een bestaand onderwerp of laat het weg.");
        assertThat(DraftMessages.dutch("topic", "field 'topic' is missing or not a text")).isEqualTo("Vul dit in.");
    }

    @Test
    void aRefusalWithoutADutchTextIsShownAsItIs() {
        assertThat(DraftMessages.dutch("keywords", "nl/x.md: field 'keywords' must be a list, not a text ('a')"))
                .isEqualTo("nl/x.md: field 'keywords' must be a list, not a text ('a')");
    }
}
