package nl.loket.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents see the resident's words, minus BSN and IBAN unless they ask. */
class TranscriptMaskingTest {

    private final TranscriptMasking masking = new TranscriptMasking();

    @Test
    void masksBsnAndIbanButKeepsWhatAgentsNeedToHelp() {
        String masked = masking.mask("BSN 111222333, rekening NL91 ABNA 0417 1643 00, bel 06-12345678 of mail a@b.nl");
        assertThat(masked).isEqualTo("BSN [BSN], rekening [IBAN], bel 06-12345678 of mail a@b.nl");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(masking.mask("Op 12 maart betaalde ik 123 euro")).isEqualTo("Op 12 maart betaalde ik 123 euro");
        assertThat(masking.mask(null)).isNull();
    }
}
