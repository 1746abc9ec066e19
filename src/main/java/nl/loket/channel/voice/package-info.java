/**
 * Phone: Twilio Voice webhooks (speech in, spoken answers out, hand-off to a person) and call
 * transcripts from the telephony platform, including relay calls through Tolkcontact, by HTTP or
 * as files in an inbox folder. Relay calls are first-class contacts, marked as such.
 */
package nl.loket.channel.voice;
