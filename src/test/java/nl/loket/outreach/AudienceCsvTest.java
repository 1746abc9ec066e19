package nl.loket.outreach;

import nl.loket.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudienceCsvTest {

    @Test
    void readsQuotedFieldsSemicolonsAndLanguages() {
        AudienceCsv.Audience a = AudienceCsv.parse("reference;phone;email;language;name\n"
                + "r1;0612345678;;en;\"Jansen; A.\"\n\nr2;;a@b.nl;;\"Piet \"\"P\"\"\"\n", 10);
        assertThat(a.columns()).containsExactly("reference", "phone", "email", "language", "name");
        assertThat(a.rows()).hasSize(2);
        assertThat(a.rows().get(0).fields()).isEqualTo(Map.of("name", "Jansen; A."));
        assertThat(a.rows().get(0).language()).isEqualTo("en");
        assertThat(a.rows().get(1).language()).isEqualTo("nl");
        assertThat(a.rows().get(1).fields()).isEqualTo(Map.of("name", "Piet \"P\""));
        assertThat(a.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void aBrokenFileNamesTheLine() {
        assertRefused("reference,phone\nr1,0612345678\nr2,0612345679,extra\n", "line 3: 3 fields, the header has 2.");
        assertRefused("reference,phone\nr1,0612345678\nr1,0612345679\n", "line 3: reference 'r1' appears twice.");
        assertRefused("reference,phone\n,0612345678\n", "line 2: 'reference' is empty.");
        assertRefused("phone\n0612345678\n", "line 1: the column 'reference' is required.");
        assertRefused("reference,name\nr1,Piet\n", "line 1: give a column 'phone' or 'email' (or both).");
        assertRefused("reference,phone\nr1,\"0612\n", "line 2: a quote is opened but not closed.");
        assertRefused("reference,phone,language\nr1,0612345678,dutch\n", "line 2: 'language' must be a two-letter code");
        assertRefused("reference,phone\n", "has a header but no residents");
        assertRefused("reference,phone\nr1,1\nr2,2\nr3,3\n", "line 4: more than 2 residents");
    }

    @Test
    void templatePlaceholdersMustBeColumnsAndColumnsMustBeUsed() {
        List<String> columns = List.of("reference", "phone", "name", "date");
        MessageTemplate.validate(Map.of("nl", "Beste {name}, uw pas verloopt op {date}."), columns);
        assertThatThrownBy(() -> MessageTemplate.validate(Map.of("nl", "Beste {naam}, {date}", "en", "Dear {name} {date}"),
                columns)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("template.nl");
                    assertThat(e.detail()).contains("{naam}");
                });
        assertThatThrownBy(() -> MessageTemplate.validate(Map.of("nl", "Beste {name}."), columns))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("audienceCsv");
                    assertThat(e.detail()).contains("column 'date' is not used");
                });
        assertThat(MessageTemplate.fill("Beste {name}, tot {date}.", Map.of("name", "A", "date", "1 mei")))
                .isEqualTo("Beste A, tot 1 mei.");
    }

    private static void assertRefused(String csv, String detail) {
        assertThatThrownBy(() -> AudienceCsv.parse(csv, 2))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("audienceCsv");
                    assertThat(e.detail()).contains(detail);
                });
    }
}
