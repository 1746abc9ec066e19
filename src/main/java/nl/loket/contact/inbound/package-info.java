/**
 * Receiving a resident's message, the path every channel takes through {@code ContactService.receive}: idempotency of
 * provider deliveries, the resident and the conversation the message belongs to ({@code ConversationFinder}), the
 * conversation's lock, storing the message first, and only then the answer ({@code Answers}: the responder, an open
 * choice, or the safe "received" reply). Internal to the contact module.
 */
package nl.loket.contact.inbound;
