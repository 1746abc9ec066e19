/** The contact form (instead of an e-mail address): validation field by field, a reference back at once. */
package nl.loket.channel.webform;
