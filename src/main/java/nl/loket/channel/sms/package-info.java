/**
 * SMS through Twilio: the signed inbound webhook answered with TwiML, and outbound messages through
 * the Twilio SDK (with a configurable API address, so tests talk to a fake). Twilio specifics stay here
 * and in {@code voice}.
 */
package nl.loket.channel.sms;
