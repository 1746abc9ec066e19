package nl.loket.channel.sms;

import nl.loket.platform.ProblemException;

/** A webhook that cannot be proven to come from Twilio: refused, nothing stored. */
public class TwilioSignatureRejectedException extends ProblemException {

    TwilioSignatureRejectedException(String detail) {
        super(403, "Signature rejected", "X-Twilio-Signature", detail);
    }
}
