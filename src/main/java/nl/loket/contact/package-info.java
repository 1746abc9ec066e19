/**
 * Contact: one record per resident across channels. Owns {@link nl.loket.contact.InboundMessage},
 * residents and identity linking, conversations with their messages, idempotency of provider
 * deliveries, per-conversation ordering, contact history and retention. The facade is
 * {@link nl.loket.contact.ContactService}; answers come in through the {@link nl.loket.contact.Responder} port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contact", allowedDependencies = {"platform"})
package nl.loket.contact;
