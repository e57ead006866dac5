package org.microsmartgrid.city.people.mail;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Builds the MIME message (Jakarta Mail) both mailers send or store. */
final class Messages {

    private Messages() {
    }

    static MimeMessage build(Session session, String from, String to, String subject, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from, true));
        m.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to, true));
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        m.setSentDate(new java.util.Date());
        m.saveChanges();
        return m;
    }

    static Session session(Properties p) {
        // the class loader of Jakarta Mail's API finds its provider (Angus Mail) through the service loader mediator
        return Session.getInstance(p);
    }
}
