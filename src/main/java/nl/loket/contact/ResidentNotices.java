package nl.loket.contact;

/**
 * The broadcast topic ({@code platform.Broadcast}) on which a conversation's id is announced, to every instance, when
 * something its resident should see has changed: a message to them was stored, or the agent holding it started or
 * stopped typing. A notice is only a nudge; the resident's page reads the conversation itself.
 */
public final class ResidentNotices {

    public static final String TOPIC = "resident-notices";

    private ResidentNotices() {
    }
}
