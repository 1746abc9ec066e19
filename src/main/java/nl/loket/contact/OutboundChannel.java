package nl.loket.contact;

/**
 * The port through which a person's reply reaches a resident on a channel. Each channel package
 * implements it; the hand-off module picks one by the conversation's channel and never knows
 * Twilio, mail servers or chat sessions. The message is already stored when this is called.
 */
public interface OutboundChannel {

    /** The channel this implementation answers on. */
    Channel channel();

    /** Whether this resident can be reached this way at all (a web form may have left only a phone number). */
    boolean reaches(Conversation conversation, Resident resident);

    /** Sends one stored message; reports a failure instead of throwing. */
    DeliveryResult deliver(Conversation conversation, Resident resident, Message message);
}
