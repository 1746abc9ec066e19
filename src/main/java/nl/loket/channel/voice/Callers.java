package nl.loket.channel.voice;

import nl.loket.contact.Identity;
import nl.loket.platform.RedisKeys;

/** Who is calling: their number when the platform gives one, otherwise a resident of this one call. */
final class Callers {

    private Callers() { }

    static Identity of(String e164OrNull, String callId) {
        return e164OrNull != null ? Identity.phone(e164OrNull) : Identity.anonymous("call:" + RedisKeys.hashed(callId));
    }
}
