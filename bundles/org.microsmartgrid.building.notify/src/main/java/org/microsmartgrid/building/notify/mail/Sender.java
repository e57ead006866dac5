package org.microsmartgrid.building.notify.mail;

/** Hands one mail to the contacts' mail server. */
public interface Sender {
    void send(MailSettings settings, String subject, String body) throws Exception;
}
