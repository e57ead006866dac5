package org.microsmartgrid.city.people.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/** Sends through a configured SMTP server (STARTTLS required unless told otherwise; login when a user is set). */
public final class SmtpMailer implements Mailer {

    private final Session session;
    private final String from;
    private final String user;
    private final String password;

    public SmtpMailer(String host, int port, boolean startTls, String user, String password, String from) {
        Properties p = new Properties();
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", String.valueOf(port));
        p.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        p.put("mail.smtp.starttls.required", String.valueOf(startTls));
        p.put("mail.smtp.auth", String.valueOf(user != null && !user.isBlank()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        this.session = Messages.session(p);
        this.from = from;
        this.user = user;
        this.password = password;
    }

    @Override
    public void send(String to, String subject, String body) throws MailFailed {
        try {
            var m = Messages.build(session, from, to, subject, body);
            if (user != null && !user.isBlank()) Transport.send(m, user, password);
            else Transport.send(m);
        } catch (MessagingException e) {
            throw new MailFailed("SMTP: " + e.getClass().getSimpleName(), e); // the message may hold the address: not logged
        }
    }
}
