/**
 * Channels: one sub-package per way in (chat, web form, SMS, voice and phone transcripts). Each
 * checks its requests, turns them into one {@link nl.loket.contact.InboundMessage} and renders the
 * reply for its own medium. Provider specifics (Twilio) stay inside {@code sms} and {@code voice}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Channels", allowedDependencies = {"contact", "platform"})
package nl.loket.channel;
