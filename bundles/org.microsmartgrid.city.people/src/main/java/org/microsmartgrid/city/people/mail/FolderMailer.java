package org.microsmartgrid.city.people.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

/**
 * The demo's mail server: each mail is written as an RFC 5322 {@code .eml} file into a folder (opened by any mail
 * client), so that sign-up and password reset work without an SMTP server. Written to a temporary name and moved,
 * so a reader never sees half a mail.
 */
public final class FolderMailer implements Mailer {

    private final Path folder;
    private final String from;
    private final Session session = Messages.session(new Properties());

    public FolderMailer(Path folder, String from) {
        this.folder = folder;
        this.from = from;
    }

    @Override
    public void send(String to, String subject, String body) throws MailFailed {
        try {
            Files.createDirectories(folder);
            String name = System.currentTimeMillis() + "-" + UUID.randomUUID();
            Path tmp = folder.resolve(name + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                Messages.build(session, from, to, subject, body).writeTo(out);
            }
            Files.move(tmp, folder.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailFailed("mail folder: " + e.getClass().getSimpleName(), e);
        }
    }
}
