package org.microsmartgrid.city.people.mail;

/** Sends one plain-text mail (Italian first, English below). Failures are reported, never hidden. */
public interface Mailer {
    void send(String to, String subject, String body) throws MailFailed;

    final class MailFailed extends Exception {
        private static final long serialVersionUID = 1L;

        public MailFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
