/**
 * Outreach: proactive campaigns to residents who may be entitled to a scheme or must act (an ID that
 * expires soon), with an opt-out that always holds. Owns campaigns, audience files (kept only until
 * sending is done), per-recipient idempotency and outcomes, the send window and rate, the supervisor API
 * and page, and the e-mail opt-out page. Opt-outs themselves belong to the resident, in {@code contact};
 * messages leave through the {@code contact.NoticeSender} port. The facade is {@link nl.loket.outreach.Outreach}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach", allowedDependencies = {"contact", "platform"})
package nl.loket.outreach;
