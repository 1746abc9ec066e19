/**
 * Warm hand-off: a task per escalated conversation (≈ Klantinteracties InterneTaak) with an extractive
 * summary, a queue per priority on Redis Streams, claims that exactly one agent wins, reclaiming of
 * claims an agent abandoned, teams ({@link nl.loket.handoff.TeamProperties}: a task goes to the team of its topic,
 * language, relay or reason), transfer to another team or a colleague with an internal note, agent replies that go
 * back through the resident's own channel (through the {@link nl.loket.contact.OutboundChannel} port), and call-backs
 * at a time the resident picks (by number, or on {@code /terugbellen/{token}} from an e-mail). The facade is
 * {@link nl.loket.handoff.HandoffService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hand-off", allowedDependencies = {"contact", "platform"})
package nl.loket.handoff;
