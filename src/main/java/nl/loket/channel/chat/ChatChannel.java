package nl.loket.channel.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.loket.contact.AuthorRole;
import nl.loket.contact.Channel;
import nl.loket.contact.ContactProperties;
import nl.loket.contact.AgentTyping;
import nl.loket.contact.ContactService;
import nl.loket.contact.Direction;
import nl.loket.contact.Identity;
import nl.loket.contact.InboundMessage;
import nl.loket.contact.InboundText;
import nl.loket.contact.Message;
import nl.loket.contact.OpenChoices;
import nl.loket.contact.Receipt;
import nl.loket.contact.Reply;
import nl.loket.contact.ResidentFeedback;
import nl.loket.platform.IdempotencyKey;
import nl.loket.platform.InvalidRequestException;
import nl.loket.platform.HttpReply;
import nl.loket.platform.HttpResponses;
import nl.loket.platform.Json;
import nl.loket.platform.RequestBodies;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The chat API of the README's API tables, called from {@code routes/chat.yaml}. */
@Component("chatChannel")
class ChatChannel {

    static final String SESSION_HEADER = "sessionId";
    static final String AUTHORIZATION = "Authorization";

    /**
     * One message as the resident's chat shows it; no internal or redacted fields.
     *
     * @param choices on a message that asks the resident to pick by number (call-back times), while that is open
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChatMessage(String id, String author, String text, OffsetDateTime at, List<String> choices) {
        ChatMessage withChoices(List<String> options) {
            return new ChatMessage(id, author, text, at, options);
        }
    }

    /**
     * The answer to a message the resident sent.
     *
     * @param choices the times to pick from when the reply itself offers them (the assistant offering a call-back)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SentMessage(String messageId, Reply reply, List<String> choices) { }

    private final ChatSessions sessions;
    private final ContactService contacts;
    private final HttpResponses responses;
    private final Json json;
    private final Clock clock;
    private final ContactProperties properties;
    private final ResidentFeedback feedback;

    private final AgentTyping agentTyping;

    ChatChannel(ChatSessions sessions, ContactService contacts, HttpResponses responses, Json json, Clock clock,
                ContactProperties properties, ResidentFeedback feedback, AgentTyping agentTyping) {
        this.agentTyping = agentTyping;
        this.feedback = feedback;
        this.sessions = sessions;
        this.contacts = contacts;
        this.responses = responses;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    public HttpReply openSession() {
        ChatSessions.OpenedSession session = sessions.open();
        return responses.json(201, Map.of("sessionId", session.sessionId(), "token", session.token()));
    }

    /**
     * The resident's message, when the session's token allows it.
     *
     * @param resendKey the chat page's name for this message ({@code Idempotency-Key}), the same when it resends it
     *                  after a 503: the message may have been stored (e.g. no replica confirmed it in time), and then
     *                  the resend gets the first answer instead of storing it twice. Scoped to the session, so no
     *                  other session can collide with it
     */
    public InboundMessage toInbound(@Header(SESSION_HEADER) String session, @Header(AUTHORIZATION) String authorization,
                                    @Header(IdempotencyKey.HEADER) String resendKey,
                                    @Header(Exchange.CONTENT_LENGTH) Long contentLength, @Body String requestBody) {
        // the session is in use from its first authorised message (kept as long as its conversation)
        String sessionId = sessions.authorisedToWrite(session, authorization);
        JsonNode body = json.parseRequest(RequestBodies.text(contentLength, requestBody));
        String text = InboundText.required(body.path("text").asString(""), "text", properties.maxMessageLength());
        String language = body.path("language").asString(null);
        String resend = IdempotencyKey.orNull(resendKey, IdempotencyKey.HEADER);
        return InboundMessage.of(Channel.CHAT, Identity.chatVisitor(sessionId), text, OffsetDateTime.now(clock),
                        resend == null ? null : "chat:" + sessionId + ":" + resend, sessionId)
                .withLanguage(validLanguage(language));
    }

    public HttpReply reply(@Body Receipt receipt) {
        return responses.json(200, new SentMessage(receipt.messageId(), receipt.reply(), replyChoices(receipt)));
    }

    /** The open choices when they belong to this reply (the first assistant message after the resident's), else null. */
    private List<String> replyChoices(Receipt receipt) {
        if (receipt.reply() == null || !receipt.reply().escalated()) {
            return null;
        }
        String conversationId = receipt.conversation().id();
        return contacts.openChoice(conversationId).filter(choice -> {
            boolean after = false;
            for (Message m : contacts.messages(conversationId)) {
                if (after && m.authorRole() == AuthorRole.ASSISTANT) {
                    return m.id().equals(choice.messageId());
                }
                after = after || m.id().equals(receipt.messageId());
            }
            return false;
        }).map(OpenChoices.Choice::options).orElse(null);
    }

    public HttpReply listMessages(@Header(SESSION_HEADER) String session, @Header(AUTHORIZATION) String authorization) {
        String sessionId = sessions.authorisedBy(session, authorization);
        var conversation = contacts.conversationOfThread(Channel.CHAT, sessionId);
        var choice = conversation.filter(c -> c.state().ownedByHuman()).flatMap(c -> contacts.openChoice(c.id()));
        List<ChatMessage> messages = conversation
                .map(c -> contacts.messages(c.id()).stream().map(ChatChannel::toChatMessage)
                        .map(m -> choice.filter(o -> o.messageId().equals(m.id())).map(o -> m.withChoices(o.options())).orElse(m))
                        .toList())
                .orElse(List.of());
        boolean typing = conversation.map(c -> c.state().ownedByHuman() && agentTyping.isTyping(c.id())).orElse(false);
        // "Medewerker typt…" for the chat page; a header, so the list stays what it always was
        return responses.json(200, messages).withHeader(AGENT_TYPING_HEADER, String.valueOf(typing));
    }

    /** Response header of the message list: whether the agent holding the conversation is typing now. */
    static final String AGENT_TYPING_HEADER = "Loket-Agent-Typing";

    /** {@code POST …/satisfaction {"score":1-5,"remark"?}}: stored on the session's conversation, 204. */
    public HttpReply satisfaction(@Header(SESSION_HEADER) String session, @Header(AUTHORIZATION) String authorization,
                                  @Header(Exchange.CONTENT_LENGTH) Long contentLength, @Body String requestBody) {
        String sessionId = sessions.authorisedBy(session, authorization);
        JsonNode body = json.parseRequest(RequestBodies.text(contentLength, requestBody));
        JsonNode score = body.path("score");
        if (!score.isIntegralNumber() || score.asInt() < 1 || score.asInt() > 5) {
            throw new InvalidRequestException("score", "'score' must be a whole number from 1 to 5.");
        }
        JsonNode remark = body.path("remark");
        if (!remark.isMissingNode() && !remark.isNull() && !remark.isString()) {
            throw new InvalidRequestException("remark", "'remark' must be text.");
        }
        String conversationId = contacts.conversationOfThread(Channel.CHAT, sessionId)
                .orElseThrow(() -> new InvalidRequestException("sessionId",
                        "Send a message first: there is no conversation to rate yet."))
                .id();
        feedback.recordSatisfaction(conversationId, score.asInt(), remark.isString() ? remark.asString() : null);
        return responses.json(200, Map.of("stored", true));
    }

    private static ChatMessage toChatMessage(Message m) {
        String author = m.direction() == Direction.IN ? "resident"
                : m.authorRole() == AuthorRole.AGENT ? "agent" : "assistant";
        return new ChatMessage(m.id(), author, m.text(), m.at(), null);
    }

    private static String validLanguage(String language) {
        return language != null && language.matches("[a-z]{2}") ? language : null;
    }
}
