/**
 * Where contact keeps its state in Redis: residents and the identities that lead to them ({@code ResidentStore}),
 * conversations with their messages and the ways to find them again ({@code ConversationStore}), provider deliveries
 * for idempotency ({@code Deliveries}), the per-conversation lock ({@code ConversationLock}) with the events held back
 * until it is released ({@code AfterLock}), and the redacted form of every stored message ({@code MessageRedaction}).
 * Internal to the contact module: other modules reach all of this only through {@link nl.loket.contact.ContactService}
 * and the other types of {@code nl.loket.contact}.
 */
package nl.loket.contact.store;
