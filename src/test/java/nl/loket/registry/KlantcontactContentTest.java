package nl.loket.registry;

import nl.loket.contact.Channel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KlantcontactContentTest {

    @Test
    void personalMobileAndLandlineNumbersAreAddressesInE164() {
        assertThat(KlantcontactContent.personalPhone("+31612345678")).contains("+31612345678");
        assertThat(KlantcontactContent.personalPhone("06 12345678")).contains("+31612345678");
        assertThat(KlantcontactContent.personalPhone("024-3292929")).contains("+31243292929");
        assertThat(KlantcontactContent.personalPhone("+4915112345678")).contains("+4915112345678");
    }

    @Test
    void serviceAndShortNumbersAreNotSentAsTelefoonnummer() {
        assertThat(KlantcontactContent.personalPhone("14 024")).isEmpty();
        assertThat(KlantcontactContent.personalPhone("14024")).isEmpty();
        assertThat(KlantcontactContent.personalPhone("+3114024")).isEmpty();
        assertThat(KlantcontactContent.personalPhone("0800-1234567")).isEmpty();
        assertThat(KlantcontactContent.personalPhone("0900-1234567")).isEmpty();
        assertThat(KlantcontactContent.personalPhone("+31880500600")).as("088: a company number (the relay service)").isEmpty();
        assertThat(KlantcontactContent.personalPhone("112")).isEmpty();
        assertThat(KlantcontactContent.personalPhone("anonymous")).isEmpty();
        assertThat(KlantcontactContent.personalPhone(null)).isEmpty();
    }

    @Test
    void languageIsIso6392() {
        assertThat(KlantcontactContent.taal("nl")).isEqualTo("nld");
        assertThat(KlantcontactContent.taal("en")).isEqualTo("eng");
        assertThat(KlantcontactContent.taal("tr")).isEqualTo("tur");
        assertThat(KlantcontactContent.taal("pl")).isEqualTo("pol");
        assertThat(KlantcontactContent.taal("ar")).isEqualTo("ara");
        assertThat(KlantcontactContent.taal("nl-NL")).isEqualTo("nld");
        assertThat(KlantcontactContent.taal("nld")).isEqualTo("nld");
        assertThat(KlantcontactContent.taal(null)).as("the municipality's language").isEqualTo("nld");
        assertThat(KlantcontactContent.taal("xx")).isEqualTo("und");
    }

    @Test
    void longTextIsCutAfterAWholeWordWithAnEllipsis() {
        String text = "woord ".repeat(300).strip();
        String fitted = KlantcontactContent.fit(text, 1000);
        assertThat(fitted).hasSizeLessThanOrEqualTo(1000).endsWith("woord…");
        assertThat(fitted.substring(0, fitted.length() - 1)).doesNotEndWith(" ").endsWith("woord");
        assertThat(KlantcontactContent.fit("kort", 1000)).isEqualTo("kort");
        assertThat(KlantcontactContent.fit("x".repeat(1200), 1000)).hasSize(1000).endsWith("x…");
    }

    @Test
    void bsnAndIbanAreMaskedButTheRestStaysForTheResident() {
        String shown = KlantcontactContent.forResident(
                "Mijn BSN is 111222333 en mijn rekening NL91ABNA0417164300, bel me op 0612345678 over grofvuil.");
        assertThat(shown).contains("[BSN]").contains("[IBAN]")
                .doesNotContain("111222333").doesNotContain("NL91ABNA0417164300")
                .contains("0612345678").contains("grofvuil");
    }

    @Test
    void channelInWordsConfigurablePerChannel() {
        assertThat(KlantcontactContent.kanaal(Channel.CHAT, Map.of())).isEqualTo("Live chat");
        assertThat(KlantcontactContent.kanaal(Channel.WEBFORM, Map.of())).isEqualTo("Contactformulier");
        assertThat(KlantcontactContent.kanaal(Channel.SMS, Map.of())).isEqualTo("SMS");
        assertThat(KlantcontactContent.kanaal(Channel.PHONE, Map.of())).isEqualTo("Telefoon");
        assertThat(KlantcontactContent.kanaal(Channel.CHAT, Map.of(Channel.CHAT, "chat"))).isEqualTo("chat");
    }

    @Test
    void topicSlugBecomesWords() {
        assertThat(KlantcontactContent.topicWords("afval-grofvuil")).isEqualTo("Afval grofvuil");
        assertThat(KlantcontactContent.topicWords(null)).isNull();
    }
}
