/**
 * What happens to a conversation after the assistant: an agent takes it, gives it back or closes it with a
 * resolution ({@code ConversationLifecycle}), the agent's replies stored before they are sent and their delivery
 * status ({@code AgentReplies}), and the sweep that closes conversations only the assistant took part in once the
 * resident has gone quiet ({@code IdleConversationSweeper}). Internal to the contact module.
 */
package nl.loket.contact.lifecycle;
