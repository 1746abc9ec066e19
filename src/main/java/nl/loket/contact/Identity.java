package nl.loket.contact;

import java.util.Locale;
import java.util.Objects;

/**
 * One way to recognise a resident on a channel: a phone number (E.164), an e-mail address or an
 * anonymous chat visitor. The same phone number on SMS and on a call is the same resident.
 *
 * <p>Only an identity a channel verified (the SMS sender, the caller id of a signed call, a chat session
 * token) links a message to a resident automatically. One a resident typed into a form is
 * {@code unverified}: it is where Loket may answer, not proof of who wrote, so it only proposes a
 * possible match that an agent confirms or rejects.
 */
public record Identity(Kind kind, String value, boolean unverified) {

    public enum Kind { PHONE, EMAIL, CHAT_VISITOR, ANONYMOUS }

    public Identity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        value = kind == Kind.EMAIL ? value.trim().toLowerCase(Locale.ROOT) : value.trim();
    }

    /** An identity the channel verified. */
    public Identity(Kind kind, String value) {
        this(kind, value, false);
    }

    public static Identity phone(String e164) { return new Identity(Kind.PHONE, e164); }

    public static Identity email(String address) { return new Identity(Kind.EMAIL, address); }

    /** A phone number a resident typed (a form): where to answer, not who they are. */
    public static Identity typedPhone(String e164) { return new Identity(Kind.PHONE, e164, true); }

    /** An e-mail address a resident typed (a form): where to answer, not who they are. */
    public static Identity typedEmail(String address) { return new Identity(Kind.EMAIL, address, true); }

    public static Identity chatVisitor(String visitorId) { return new Identity(Kind.CHAT_VISITOR, visitorId); }

    /** For a contact that left no way to reach them back: a resident of its own. */
    public static Identity anonymous(String id) { return new Identity(Kind.ANONYMOUS, id); }

    /** True when the channel proved it: it may link this message to an earlier resident. */
    public boolean verified() {
        return !unverified;
    }
}
