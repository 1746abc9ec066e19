package nl.loket.outreach;

import nl.loket.contact.Identity;
import nl.loket.contact.NoticeSender;
import nl.loket.contact.OptOuts;
import nl.loket.contact.PhoneNumbers;
import nl.loket.platform.Prompts;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides, for one line of the audience, whether and how a campaign reaches the resident (the dry run and
 * the sending use this one rule), and words the message: the campaign text plus the fixed texts from
 * {@code prompts/outreach/} (the STOP hint under every SMS, the opt-out link under every e-mail).
 */
@Component
class Recipients {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    /** Where one resident's message goes, or why it does not. */
    record Plan(Outcome skip, NoticeChannel channel, Identity address, List<Identity> identities) {
        boolean sends() {
            return skip == null;
        }
    }

    private final OptOuts optOuts;
    private final Prompts prompts;
    private final List<NoticeSender> senders;
    private final OutreachProperties properties;

    Recipients(OptOuts optOuts, Prompts prompts, List<NoticeSender> senders, OutreachProperties properties) {
        this.optOuts = optOuts;
        this.prompts = prompts;
        this.senders = senders;
        this.properties = properties;
    }

    Plan plan(Campaign campaign, AudienceCsv.Row row) {
        Optional<String> phone = row.phone().isBlank() ? Optional.empty() : PhoneNumbers.toE164(row.phone());
        String email = row.email().strip().toLowerCase(java.util.Locale.ROOT);
        boolean emailValid = !email.isEmpty() && EMAIL.matcher(email).matches();
        List<Identity> identities = new ArrayList<>();
        phone.ifPresent(p -> identities.add(Identity.phone(p)));
        if (emailValid) {
            identities.add(Identity.email(email));
        }
        if (!identities.isEmpty() && optOuts.optedOut(identities)) {
            return new Plan(Outcome.OPTED_OUT, null, null, identities);
        }
        boolean anyGiven = false;
        Plan unconfigured = null;
        for (NoticeChannel channel : campaign.channels()) {
            String given = channel == NoticeChannel.SMS ? row.phone() : row.email();
            anyGiven |= !given.isBlank();
            Optional<Identity> address = channel == NoticeChannel.SMS ? phone.map(Identity::phone)
                    : emailValid ? Optional.of(Identity.email(email)) : Optional.empty();
            if (address.isEmpty()) {
                continue;
            }
            if (configured(channel)) {
                return new Plan(null, channel, address.get(), identities);
            }
            if (unconfigured == null) {
                unconfigured = new Plan(null, channel, address.get(), identities);
            }
        }
        if (unconfigured != null) {
            return unconfigured; // a valid address on a channel that is not set up: tried, and counted as failed
        }
        return new Plan(anyGiven ? Outcome.INVALID : Outcome.NO_ADDRESS, null, null, identities);
    }

    boolean configured(NoticeChannel channel) {
        return sender(channel).map(NoticeSender::configured).orElse(false);
    }

    Optional<NoticeSender> sender(NoticeChannel channel) {
        return senders.stream().filter(s -> s.kind() == channel.addressKind).findFirst();
    }

    /** The full text one resident gets on this channel. */
    String message(Campaign campaign, AudienceCsv.Row row, NoticeChannel channel, Identity address) {
        String language = language(campaign, row);
        String body = MessageTemplate.fill(campaign.templateFor(language), row.fields());
        if (channel == NoticeChannel.SMS) {
            return body + "\n" + prompts.text("outreach/sms-stop-hint", language, Map.of());
        }
        return body + "\n\n" + prompts.text("outreach/email-footer", language, Map.of("link", optOutLink(address)));
    }

    /** The row's language when the campaign has a text in it, else Dutch. */
    String language(Campaign campaign, AudienceCsv.Row row) {
        return campaign.template().containsKey(row.language()) ? row.language() : "nl";
    }

    String optOutLink(Identity email) {
        String base = properties.publicBaseUrl().endsWith("/")
                ? properties.publicBaseUrl().substring(0, properties.publicBaseUrl().length() - 1) : properties.publicBaseUrl();
        return base + "/afmelden/" + optOuts.linkToken(email);
    }
}
