package nl.loket.contact;

/** The ways a resident reaches the municipality. Twilio voice calls and phone transcripts are both {@link #PHONE}. */
public enum Channel {
    CHAT, WEBFORM, SMS, PHONE
}
