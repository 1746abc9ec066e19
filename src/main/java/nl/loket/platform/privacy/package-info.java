/**
 * Personal-data redaction: finds and masks citizen service numbers, bank accounts, phone numbers,
 * e-mail addresses, home addresses and licence plates before text is stored, logged, searched or sent
 * to a language model. Public numbers of the municipality and help lines are kept.
 */
package nl.loket.platform.privacy;
