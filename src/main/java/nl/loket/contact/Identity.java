package nl.loket.contact;

import java.util.Locale;
import java.util.Objects;

/**
 * One way to recognise a resident on a channel: a phone number (E.164), an e-mail address or an
 * anonymous chat visitor. The same phone number on SMS and on a call is the same resident.
 */
public record Identity(Kind kind, String value) {

    public enum Kind { PHONE, EMAIL, CHAT_VISITOR, ANONYMOUS }

    public Identity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        value = kind == Kind.EMAIL ? value.trim().toLowerCase(Locale.ROOT) : value.trim();
    }

    public static Identity phone(String e164) { return new Identity(Kind.PHONE, e164); }

    public static Identity email(String address) { return new Identity(Kind.EMAIL, address); }

    public static Identity chatVisitor(String visitorId) { return new Identity(Kind.CHAT_VISITOR, visitorId); }

    /** For a contact that left no way to reach them back: a resident of its own. */
    public static Identity anonymous(String id) { return new Identity(Kind.ANONYMOUS, id); }

}
