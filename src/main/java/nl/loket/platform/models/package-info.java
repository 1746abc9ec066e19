/**
 * Trained models kept on disk between processes, by a digest of everything that went into them: each process that
 * starts Loket (a test JVM, an instance after a restart) otherwise trains the same topic categorizer and triage
 * classifiers again, which takes most of its start. Off unless a directory is named.
 */
package nl.loket.platform.models;
