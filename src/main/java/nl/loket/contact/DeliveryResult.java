package nl.loket.contact;

/**
 * What became of one outbound message. {@code retryable} says whether trying again may help (a
 * provider outage) or not (no address to send to).
 */
public record DeliveryResult(Status status, String providerId, String detail, boolean retryable) {

    public enum Status {
        /** Handed to the channel (SMS provider, mail server, chat). */
        SENT,
        /** Not delivered; the agent sees this on the message. */
        FAILED,
        /** The channel has no way to send (a phone call): a person must call the resident back. */
        CALLBACK
    }

    public static DeliveryResult sent(String providerId) {
        return new DeliveryResult(Status.SENT, providerId, null, false);
    }

    public static DeliveryResult failed(String detail, boolean retryable) {
        return new DeliveryResult(Status.FAILED, null, detail, retryable);
    }

    public static DeliveryResult callback(String detail) {
        return new DeliveryResult(Status.CALLBACK, null, detail, false);
    }
}
