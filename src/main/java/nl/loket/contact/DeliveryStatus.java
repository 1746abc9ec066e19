package nl.loket.contact;

/** How sending a stored outbound message went, as the agent sees it beside the message. */
public enum DeliveryStatus {
    /** Stored, not sent yet (or being sent again after an instance stopped). */
    PENDING,
    /** Handed to the channel (the SMS provider accepted it, the e-mail server took it). */
    SENT,
    /** The provider reported it reached the resident's phone. */
    DELIVERED,
    /** The provider accepted it but could not deliver it (switched off, unknown number): choose another way. */
    UNDELIVERED,
    /** Sending failed after every retry. */
    FAILED,
    /** A phone resident: the agent calls back instead of sending. */
    CALLBACK
}
