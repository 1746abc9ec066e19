package nl.loket.contact;

/**
 * The port through which a proactive notice (a campaign message) reaches an address that Loket did not
 * receive a message from first. The SMS and e-mail channels implement it; outreach picks one by the kind
 * of address and never knows Twilio or a mail server. Opt-outs are checked by the caller before this.
 */
public interface NoticeSender {

    /** The kind of address this sender sends to: {@code PHONE} (SMS) or {@code EMAIL}. */
    Identity.Kind kind();

    /** Whether sending is configured at all (provider account, mail server). */
    boolean configured();

    /** Sends one notice; reports a failure instead of throwing. The subject is used by e-mail only. */
    DeliveryResult send(Identity to, String subject, String text);
}
