package org.microsmartgrid.building.notify.mail;

import java.util.Date;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Sends through the configured SMTP server with Jakarta Mail: STARTTLS required unless told otherwise, 10 s timeouts. */
public final class SmtpSender implements Sender {

    @Override
    public void send(MailSettings s, String subject, String body) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", String.valueOf(s.port()));
        p.put("mail.smtp.starttls.enable", String.valueOf(s.startTls()));
        p.put("mail.smtp.starttls.required", String.valueOf(s.startTls()));
        p.put("mail.smtp.auth", String.valueOf(!s.user().isEmpty()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(s.from(), true));
        InternetAddress[] to = new InternetAddress[s.to().size()];
        for (int i = 0; i < to.length; i++) to[i] = new InternetAddress(s.to().get(i), true);
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        m.setSentDate(new Date());
        m.saveChanges();
        if (s.user().isEmpty()) Transport.send(m);
        else Transport.send(m, s.user(), s.password());
    }
}
