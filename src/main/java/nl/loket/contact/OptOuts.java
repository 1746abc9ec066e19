package nl.loket.contact;

import nl.loket.contact.store.ResidentStore;
import nl.loket.platform.Prompts;
import nl.loket.platform.RedisKeys;
import nl.loket.platform.ReplicatedWrites;
import nl.loket.platform.privacy.PersonalDigests;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A resident's "no" to proactive messages, honoured by every campaign on every channel. Each change is
 * appended to a Redis stream (when, which channel, which words) and the current state is kept per
 * identity digest and, when the identity belongs to a known resident, per resident: an opt-out by SMS
 * then also stops e-mail to the same resident. Keys hold digests only, never a phone number or address,
 * and an opt-out works before Loket ever had contact with the person. Opt-outs have no expiry.
 */
@Component
public class OptOuts {

    /** What a change did, and the one confirmation to send for it (null when nothing changed). */
    public record Change(OptOutCommand command, boolean changed, String confirmation) { }

    private static final String OUT = "OUT";
    private static final String IN = "IN";
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{32}");

    private final Pool<Jedis> pool;
    private final RedisKeys keys;
    private final ResidentStore residents;
    private final Prompts prompts;
    private final Clock clock;
    private final OptOutProperties properties;
    private final CampaignLinks campaignLinks;
    private final PersonalDigests digests;
    private final ReplicatedWrites replication;
    private volatile byte[] linkSecret;

    OptOuts(Pool<Jedis> pool, RedisKeys keys, ResidentStore residents, Prompts prompts, Clock clock,
            OptOutProperties properties, CampaignLinks campaignLinks, PersonalDigests digests,
            ReplicatedWrites replication) {
        this.pool = pool;
        this.keys = keys;
        this.residents = residents;
        this.prompts = prompts;
        this.clock = clock;
        this.properties = properties;
        this.campaignLinks = campaignLinks;
        this.digests = digests;
        this.replication = replication;
    }

    /** Records a command from a resident on a channel; the confirmation is in the resident's language. */
    public Change record(Identity identity, OptOutCommand command, Channel channel, String words) {
        String digest = digests.of(identity.value());
        moveUnkeyedState(identity.kind(), digest, digests.unkeyed(identity.value()));
        return apply(identity.kind(), digest, command, channel, words, campaignLinks.languageFor(identity));
    }

    /** A choice stored before digests were keyed moves to the keyed subject, so a later START can undo a STOP. */
    private void moveUnkeyedState(Identity.Kind kind, String digest, String unkeyed) {
        try (Jedis jedis = pool.getResource()) {
            String old = jedis.get(stateKey(identitySubject(kind, unkeyed)));
            if (old != null) {
                jedis.set(stateKey(identitySubject(kind, digest)), old, SetParams.setParams().nx());
                jedis.del(stateKey(identitySubject(kind, unkeyed)));
            }
        }
    }

    /** True when any of these identities, or the resident behind one of them, said no. */
    public boolean optedOut(Collection<Identity> identities) {
        try (Jedis jedis = pool.getResource()) {
            for (Identity identity : identities) {
                // Keyed, and unkeyed as stored before digests were keyed: an opt-out is never lost in an upgrade.
                for (String digest : List.of(digests.of(identity.value()), digests.unkeyed(identity.value()))) {
                    if (OUT.equals(jedis.get(stateKey(identitySubject(identity.kind(), digest))))) {
                        return true;
                    }
                }
                Optional<String> resident = residents.findIdByIdentity(identity);
                if (resident.isPresent() && OUT.equals(jedis.get(stateKey(residentSubject(resident.get()))))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The unguessable part of an e-mail opt-out link: the address digest and a signature over it. */
    public String linkToken(Identity email) {
        String digest = digests.of(email.value());
        return digest + "." + signature(digest);
    }

    /** Whether a link token is genuine (signed by this Loket). */
    public boolean validLink(String token) {
        return digestOf(token).isPresent();
    }

    /** The opt-out behind an e-mail link; empty when the token is not genuine. */
    public Optional<Change> optOutByLink(String token) {
        return digestOf(token).map(digest -> apply(Identity.Kind.EMAIL, digest, OptOutCommand.OPT_OUT, Channel.WEBFORM,
                "LINK", Optional.empty()));
    }

    /** The latest recorded changes, newest first, for audit (subjects are digests). */
    public List<Map<String, String>> recentChanges(int count) {
        try (Jedis jedis = pool.getResource()) {
            List<Map<String, String>> out = new ArrayList<>();
            jedis.xrevrange(keys.key("optout", "changes"), "+", "-", count).forEach(e -> out.add(e.getFields()));
            return out;
        }
    }

    private Change apply(Identity.Kind kind, String digest, OptOutCommand command, Channel channel, String words,
                         Optional<String> campaignLanguage) {
        String value = command == OptOutCommand.OPT_OUT ? OUT : IN;
        Optional<String> resident = residents.findIdByDigest(kind, digest);
        List<String> subjects = new ArrayList<>(List.of(identitySubject(kind, digest)));
        resident.ifPresent(id -> subjects.add(residentSubject(id)));
        boolean changed = false;
        ReplicatedWrites.Mark writes = replication.begin();
        try (Jedis jedis = pool.getResource()) {
            for (String subject : subjects) {
                String previous = jedis.setGet(stateKey(subject), value);
                // Starting without ever having stopped is no change: nothing to confirm.
                changed |= previous == null ? command == OptOutCommand.OPT_OUT : !previous.equals(value);
            }
            if (changed) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("at", OffsetDateTime.now(clock).toString());
                entry.put("subject", subjects.get(0));
                resident.ifPresent(id -> entry.put("resident", id));
                entry.put("change", command.name());
                entry.put("channel", channel.name());
                entry.put("words", words);
                jedis.xadd(keys.key("optout", "changes"), XAddParams.xAddParams(), entry);
            }
        }
        // A "stop" confirmed to the resident must survive a failover, or a campaign could still reach them.
        replication.confirm(writes);
        // The resident's own language, else the language of the campaign that wrote to them, else Dutch.
        String language = resident.flatMap(residents::find).map(Resident::preferredLanguage)
                .or(() -> campaignLanguage).orElse("nl");
        String confirmation = !changed ? null : prompts.text(
                command == OptOutCommand.OPT_OUT ? "outreach/opted-out" : "outreach/opted-in", language, Map.of());
        return new Change(command, changed, confirmation);
    }

    private Optional<String> digestOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String digest = token.substring(0, dot);
        if (!DIGEST.matcher(digest).matches()) {
            return Optional.empty();
        }
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(signature(digest, secret()).getBytes(StandardCharsets.US_ASCII), given)) {
            return Optional.of(digest);
        }
        // A link in an e-mail sent before the secret was derived: signed with the one then kept in Redis.
        return unkeyedEraSecret().filter(old -> MessageDigest.isEqual(
                signature(digest, old).getBytes(StandardCharsets.US_ASCII), given)).map(old -> digest);
    }

    private String signature(String digest) {
        return signature(digest, secret());
    }

    private static String signature(String digest, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal(("EMAIL:" + digest).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sig, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * The configured secret, or one derived from the digest key: the same on every instance and never stored
     * anywhere (Redis used to keep a generated one in clear).
     */
    private byte[] secret() {
        byte[] s = linkSecret;
        if (s == null) {
            String configured = properties.linkSecret();
            s = configured == null || configured.isBlank() ? digests.derivedKey("optout-link")
                    : configured.getBytes(StandardCharsets.UTF_8);
            linkSecret = s;
        }
        return s;
    }

    /**
     * The secret an earlier version generated and kept in Redis, only to accept links already sent with it. Loket
     * never writes it again; delete {@code optout:link-secret} once those e-mails are old enough (docs/security.md).
     */
    private Optional<byte[]> unkeyedEraSecret() {
        try (Jedis jedis = pool.getResource()) {
            return Optional.ofNullable(jedis.get(keys.key("optout", "link-secret")))
                    .map(v -> v.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String identitySubject(Identity.Kind kind, String digest) {
        return "identity:" + kind.name() + ":" + digest;
    }

    private static String residentSubject(String residentId) {
        return "resident:" + residentId;
    }

    private String stateKey(String subject) {
        return keys.key("optout", "state", subject);
    }
}
