/**
 * Website chat: anonymous sessions with an unguessable bearer token each, messages in, replies and
 * agent answers out. Only the holder of a session's token can read or write that session.
 */
package nl.loket.channel.chat;
