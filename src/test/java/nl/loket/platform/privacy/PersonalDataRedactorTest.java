package nl.loket.platform.privacy;

import nl.loket.platform.privacy.Finding.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataRedactorTest {

    private final PersonalDataRedactor redactor = new PersonalDataRedactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // BSN: 9 digits, 8 without the leading zero, with spaces or dots, 11-proef
            "Mijn BSN is 123456782.                 | Mijn BSN is [BSN].                     | BSN",
            "bsn 111222333 graag                    | bsn [BSN] graag                        | BSN",
            "BSN: 123 456 782                       | BSN: [BSN]                             | BSN",
            "BSN: 123.456.782                       | BSN: [BSN]                             | BSN",
            "sofinummer 1234.56.782                 | sofinummer [BSN]                       | BSN",
            "burgerservicenummer 12345672           | burgerservicenummer [BSN]              | BSN",
            "(123456782)                            | ([BSN])                                | BSN",
            // IBAN: any country, spaced or compact, mod-97
            "IBAN NL91 ABNA 0417 1643 00 graag      | IBAN [IBAN] graag                      | IBAN",
            "rekening NL91ABNA0417164300            | rekening [IBAN]                        | IBAN",
            "nl91abna0417164300 is mijn rekening    | [IBAN] is mijn rekening                | IBAN",
            "Konto DE89 3704 0044 0532 0130 00.     | Konto [IBAN].                          | IBAN",
            "account GB82 WEST 1234 5698 7654 32    | account [IBAN]                         | IBAN",
            "BE68 5390 0754 7034 bank               | [IBAN] bank                            | IBAN",
            "BE68 5390 0754 7034 BANK               | [IBAN] BANK                            | IBAN",
            // Phone: Dutch mobile and landline, international
            "bel me op 06-12345678                  | bel me op [TELEFOON]                   | PHONE",
            "mijn nummer: 06 1234 5678              | mijn nummer: [TELEFOON]                | PHONE",
            "0612345678                             | [TELEFOON]                             | PHONE",
            "06 12 34 56 78 na 17 uur               | [TELEFOON] na 17 uur                   | PHONE",
            "+31 6 12345678                         | [TELEFOON]                             | PHONE",
            "+31(0)6-12345678                       | [TELEFOON]                             | PHONE",
            "0031612345678                          | [TELEFOON]                             | PHONE",
            "thuis 024-1234567                      | thuis [TELEFOON]                       | PHONE",
            "(024) 123 45 67                        | [TELEFOON]                             | PHONE",
            "024 123 45 67                          | [TELEFOON]                             | PHONE",
            "0481-123456 is mijn vaste nummer       | [TELEFOON] is mijn vaste nummer        | PHONE",
            "Anruf: +49 30 1234567                  | Anruf: [TELEFOON]                      | PHONE",
            "call +1 (555) 123-4567                 | call [TELEFOON]                        | PHONE",
            "+90 532 123 45 67                      | [TELEFOON]                             | PHONE",
            // E-mail
            "mail naar jan.jansen@example.nl aub    | mail naar [E-MAIL] aub                 | EMAIL",
            "J.de-Vries+loket@mail.co.uk.           | [E-MAIL].                              | EMAIL",
            "stuur naar info@gemeente-x.nl          | stuur naar [E-MAIL]                    | EMAIL",
            // Postcode with house number
            "ik woon op 6511 AB 12                  | ik woon op [ADRES]                     | POSTCODE_HOUSE_NUMBER",
            "6511AB 12a                             | [ADRES]                                | POSTCODE_HOUSE_NUMBER",
            "adres 6511ab, 12 Nijmegen              | adres [ADRES] Nijmegen                 | POSTCODE_HOUSE_NUMBER",
            "6511 AB 12-2                           | [ADRES]                                | POSTCODE_HOUSE_NUMBER",
            "6511 ab 12                             | [ADRES]                                | POSTCODE_HOUSE_NUMBER",
            "6511 OP 3                              | [ADRES]                                | POSTCODE_HOUSE_NUMBER",
            "6511op 3                               | [ADRES]                                | POSTCODE_HOUSE_NUMBER",
            "Molenstraat 12, 6511 AB Nijmegen       | Molenstraat [ADRES] Nijmegen           | POSTCODE_HOUSE_NUMBER",
            // Licence plates
            "auto AB-12-CD weggesleept              | auto [KENTEKEN] weggesleept            | LICENCE_PLATE",
            "kenteken 12-ABC-3                      | kenteken [KENTEKEN]                    | LICENCE_PLATE",
            "kenteken 1-ABC-23                      | kenteken [KENTEKEN]                    | LICENCE_PLATE",
            "XX-99-XX                               | [KENTEKEN]                             | LICENCE_PLATE",
            "GB-123-X staat fout geparkeerd         | [KENTEKEN] staat fout geparkeerd       | LICENCE_PLATE",
            "kenteken ab-12-cd                      | kenteken [KENTEKEN]                    | LICENCE_PLATE",
            "kenteken AB12CD                        | kenteken [KENTEKEN]                    | LICENCE_PLATE",
            "kenteken 12ABC3                        | kenteken [KENTEKEN]                    | LICENCE_PLATE",
            "kenteken 5TRJ12 parkeert               | kenteken [KENTEKEN] parkeert           | LICENCE_PLATE",
    })
    void redactsPersonalData(String input, String expected, Kind kind) {
        Redaction redaction = redactor.redact(input);
        assertThat(redaction.text()).isEqualTo(expected);
        assertThat(redaction.found()).isTrue();
        assertThat(redaction.kinds()).containsExactly(kind);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ik verdien 1400 euro per maand",
            "€ 1.400,00",
            "ik heb 2 kinderen van 3 en 7 jaar",
            "afspraak op 12-03-2024 om 10:30",
            "in 2024 op 12 maart",
            "sinds 2019 en 3 kinderen",
            "in 2023 in 4 termijnen betaald",
            "geboren 01-03-1980",
            "op 06-12-2024 10:00 langskomen",
            "bel 14 024",
            "bel 14024",
            "bel 112 bij nood",
            "praat met 113 of bel 0800-0113",
            "Veilig Thuis: 0800-2000",
            "politie 0900-8844",
            "123456789 is geen geldig bsn",
            "ordernummer 987654321",
            "NL91 ABNA 0417 1643 01",
            "postcode 6511 AB",
            "6511AB",
            "mijn postcode is 6511 ab in nijmegen",
            "ik woon in 6511",
            "zaaknummer Z-2024-001234",
            "artikel 4:8 Awb",
            "COVID-19 vaccinatie",
            "e-mail sturen",
            "t-shirt en 24uur",
            "het grofvuil wordt opgehaald",
            "wachtwoord123",
            "schuldhulp ABC",
            "A2 snelweg, N325",
            "tel.: zie website",
            "om 9.30 uur, 2 x 4 meter",
            "3 kinderen, 1 auto",
            "+ 2 personen",
            "jan@ zonder domein",
            "2024",
            "mp3 en h2o",
    })
    void leavesOrdinaryTextAlone(String input) {
        Redaction redaction = redactor.redact(input);
        assertThat(redaction.text()).isEqualTo(input);
        assertThat(redaction.found()).isFalse();
        assertThat(redaction.kinds()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void emptyInput(String input) {
        assertThat(redactor.redact(input)).isEqualTo(new Redaction("", List.of()));
    }

    @Test
    void reportsPositionsInOriginalText() {
        String text = "BSN 123456782, mail a@b.nl, tel 06-12345678, 6511 AB 12, auto AB-12-CD, NL91ABNA0417164300";
        Redaction redaction = redactor.redact(text);
        assertThat(redaction.text())
                .isEqualTo("BSN [BSN], mail [E-MAIL], tel [TELEFOON], [ADRES], auto [KENTEKEN], [IBAN]");
        assertThat(redaction.findings()).extracting(Finding::kind).containsExactly(
                Kind.BSN, Kind.EMAIL, Kind.PHONE, Kind.POSTCODE_HOUSE_NUMBER, Kind.LICENCE_PLATE, Kind.IBAN);
        for (Finding finding : redaction.findings()) {
            String original = text.substring(finding.start(), finding.end());
            assertThat(original).isIn("123456782", "a@b.nl", "06-12345678", "6511 AB 12", "AB-12-CD", "NL91ABNA0417164300");
        }
    }

    @Test
    void keepsPublicNumbersNextToPersonalOnes() {
        Redaction redaction = redactor.redact("Bel 14 024 of 0800-0113, of mij op 06-12345678.");
        assertThat(redaction.text()).isEqualTo("Bel 14 024 of 0800-0113, of mij op [TELEFOON].");
    }

    @Test
    void digitsInsideEmailAreNotAPhone() {
        Redaction redaction = redactor.redact("0612345678@example.nl");
        assertThat(redaction.kinds()).containsExactly(Kind.EMAIL);
    }

    @Test
    void elevenTestAndMod97() {
        assertThat(PersonalDataRedactor.passesElevenTest("123456782")).isTrue();
        assertThat(PersonalDataRedactor.passesElevenTest("12345672")).isTrue();
        assertThat(PersonalDataRedactor.passesElevenTest("123456789")).isFalse();
        assertThat(PersonalDataRedactor.passesElevenTest("000000000")).isFalse();
        assertThat(PersonalDataRedactor.passesMod97("NL91ABNA0417164300")).isTrue();
        assertThat(PersonalDataRedactor.passesMod97("NL91ABNA0417164301")).isFalse();
    }
}
