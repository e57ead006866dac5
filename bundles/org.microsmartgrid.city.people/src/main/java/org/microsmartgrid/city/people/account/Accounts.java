package org.microsmartgrid.city.people.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.microsmartgrid.city.people.mail.Mailer;
import org.microsmartgrid.city.people.store.Db;
import org.microsmartgrid.city.people.web.ApiError;
import org.microsmartgrid.city.people.web.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Accounts: sign-up with e-mail verification, login (throttled), sessions and app tokens, logout, password reset,
 * roles. Logs name accounts by id only: never an e-mail, a password, a token or an address.
 */
public final class Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
    static final Duration VERIFY_VALID = Duration.ofHours(48);
    static final Duration RESET_VALID = Duration.ofHours(1);
    static final Duration COOKIE_IDLE = Duration.ofHours(2);
    static final Duration COOKIE_ABSOLUTE = Duration.ofDays(7);
    static final Duration BEARER_VALID = Duration.ofDays(90);
    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX = 128;

    private final Db db;
    private final PasswordHasher hasher;
    private final Mailer mailer;
    private final String publicUrl;
    private final Clock clock;
    private final LoginThrottle byAccount = new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final LoginThrottle byAddress = new LoginThrottle(50, Duration.ofSeconds(30), Duration.ofMinutes(15));
    private final RateLimiter mailsPerAddress;

    /** @param mailsPerAddressPerHour sign-ups and reset requests one client address may make in an hour */
    public Accounts(Db db, PasswordHasher hasher, Mailer mailer, String publicUrl, int mailsPerAddressPerHour, Clock clock) {
        this.mailsPerAddress = new RateLimiter(mailsPerAddressPerHour, Duration.ofHours(1));
        this.db = db;
        this.hasher = hasher;
        this.mailer = mailer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A session secret and the session it opened. */
    public record Opened(String secret, Session session) {
    }

    // ---- sign-up and verification ------------------------------------------------------------------------------

    /**
     * Creates an unverified citizen account and mails the verification code. An address already registered gets a
     * mail saying so instead: the answer is the same either way, so sign-up does not tell who has an account.
     */
    public void signUp(String emailText, char[] password, String displayNameText, String clientAddress) {
        String email = email(emailText);
        String displayName = Text.check("display_name", displayNameText, 2, 60, false);
        checkPassword(password, email);
        if (!mailsPerAddress.tryAcquire(clientAddress, clock.instant()))
            throw ApiError.tooMany("troppe richieste da questo indirizzo, riprovare fra un'ora / too many requests from this address, try again in an hour",
                    java.time.Duration.ofHours(1));
        Optional<Account> existing = byEmail(email);
        if (existing.isPresent()) {
            mail(email, "Micro Smart Grid: account già esistente / account already exists",
                    "Qualcuno (forse tu) ha chiesto di registrare questo indirizzo, che ha già un account.\n"
                    + "Se hai dimenticato la password, chiedine una nuova: " + publicUrl + "/#reset\n\n"
                    + "Someone (maybe you) asked to sign up with this address, which already has an account.\n"
                    + "If you forgot your password, ask for a new one: " + publicUrl + "/#reset\n");
            return;
        }
        String id = UUID.randomUUID().toString();
        String hash = hasher.hash(password);
        long now = clock.millis();
        String token = Secrets.newSecret();
        try {
            db.tx(c -> {
                Db.update(c, "INSERT INTO account (id, email, display_name, password_hash, roles, verified, created) "
                        + "VALUES (?, ?, ?, ?, ?, FALSE, ?)", id, email, displayName, hash, Role.CITIZEN.name(), now);
                Db.update(c, "INSERT INTO one_time_token (token_hash, account_id, purpose, expires) VALUES (?, ?, 'VERIFY', ?)",
                        Secrets.digest(token), id, now + VERIFY_VALID.toMillis());
                return null;
            });
        } catch (Db.Failure e) {
            if (e.duplicate()) return; // a simultaneous sign-up with the same address won; the same answer for both
            throw e;
        }
        LOG.info("account {} signed up", id);
        mail(email, "Micro Smart Grid: conferma l'indirizzo / confirm your address",
                "Benvenuto! Per attivare l'account apri " + publicUrl + "/#verify=" + token + "\n"
                + "oppure inserisci il codice: " + token + "\n(valido 48 ore)\n\n"
                + "Welcome! To activate your account open " + publicUrl + "/#verify=" + token + "\n"
                + "or enter the code: " + token + "\n(valid for 48 hours)\n");
    }

    public void verify(String token) {
        String accountId = consume(token, "VERIFY");
        db.update("UPDATE account SET verified = TRUE WHERE id = ?", accountId);
        LOG.info("account {} verified", accountId);
    }

    // ---- login, sessions, logout -------------------------------------------------------------------------------

    /**
     * Checks the password and opens a new session (never reuses one the client brings: no session fixation).
     * Throttled per account and per client address; a wrong e-mail and a wrong password get the same answer.
     */
    public Opened login(String emailText, char[] password, Session.Kind kind, String clientAddress) {
        Instant now = clock.instant();
        String email = emailText == null ? "" : emailText.strip().toLowerCase(Locale.ROOT);
        String accountKey = "a:" + Secrets.digest(email);
        String addressKey = "ip:" + clientAddress;
        Optional<Duration> wait = byAccount.attempt(accountKey, now);
        if (wait.isEmpty()) {
            wait = byAddress.attempt(addressKey, now);
            if (wait.isPresent()) byAccount.refund(accountKey); // not this account's fault
        }
        if (wait.isPresent())
            throw ApiError.tooMany("troppi tentativi, riprovare fra " + (wait.get().toSeconds() + 1)
                    + " s / too many attempts, try again in " + (wait.get().toSeconds() + 1) + " s", wait.get());
        Optional<String[]> row = db.one("SELECT id, password_hash, verified FROM account WHERE email = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getBoolean(3))}, email);
        boolean ok = hasher.matches(row.map(r -> r[1]).orElse(null), password);
        if (!ok) // the attempt was counted as a failure before the check
            throw new ApiError(401, "Accesso negato / Login failed",
                    "e-mail o password errata / wrong e-mail or password");
        byAccount.succeeded(accountKey);
        byAddress.refund(addressKey);
        if (!Boolean.parseBoolean(row.get()[2]))
            throw ApiError.forbidden("confermare prima l'indirizzo e-mail / confirm your e-mail address first");
        String id = row.get()[0];
        forgetExpired(now.toEpochMilli());
        String secret = Secrets.newSecret();
        String csrf = kind == Session.Kind.COOKIE ? Secrets.newSecret() : "-";
        long t = now.toEpochMilli();
        long expires = t + (kind == Session.Kind.COOKIE ? COOKIE_ABSOLUTE : BEARER_VALID).toMillis();
        db.update("INSERT INTO web_session (token_hash, account_id, kind, csrf_token, created, last_used, expires) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", Secrets.digest(secret), id, kind.name(), csrf, t, t, expires);
        LOG.info("account {} logged in ({})", id, kind);
        return new Opened(secret, new Session(account(id).orElseThrow(), kind, kind == Session.Kind.COOKIE ? csrf : null));
    }

    /** The session a secret names, if it is valid now; a cookie session idle too long has ended. */
    public Optional<Session> session(String secret, Session.Kind kind) {
        if (!Secrets.wellFormed(secret)) return Optional.empty();
        long now = clock.millis();
        String digest = Secrets.digest(secret);
        Optional<Object[]> row = db.one("SELECT account_id, csrf_token, last_used, expires FROM web_session "
                + "WHERE token_hash = ? AND kind = ?", rs -> new Object[] {rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4)}, digest, kind.name());
        if (row.isEmpty()) return Optional.empty();
        long lastUsed = (Long) row.get()[2];
        long expires = (Long) row.get()[3];
        boolean idle = kind == Session.Kind.COOKIE && now - lastUsed > COOKIE_IDLE.toMillis();
        if (now >= expires || idle) {
            db.update("DELETE FROM web_session WHERE token_hash = ?", digest);
            return Optional.empty();
        }
        if (now - lastUsed > 60_000) db.update("UPDATE web_session SET last_used = ? WHERE token_hash = ?", now, digest);
        return account((String) row.get()[0])
                .map(a -> new Session(a, kind, kind == Session.Kind.COOKIE ? (String) row.get()[1] : null));
    }

    public void logout(String secret) {
        if (Secrets.wellFormed(secret)) db.update("DELETE FROM web_session WHERE token_hash = ?", Secrets.digest(secret));
    }

    /** Ended sessions and codes go at the next login (a session is also checked when presented). */
    private void forgetExpired(long now) {
        db.tx(c -> {
            Db.update(c, "DELETE FROM web_session WHERE expires <= ? OR (kind = 'COOKIE' AND last_used < ?)", now,
                    now - COOKIE_IDLE.toMillis());
            Db.update(c, "DELETE FROM one_time_token WHERE expires <= ?", now);
            return null;
        });
    }

    // ---- password reset ----------------------------------------------------------------------------------------

    /** Mails a reset code if the address has an account; answers the same either way. */
    public void requestReset(String emailText, String clientAddress) {
        String email = email(emailText);
        if (!mailsPerAddress.tryAcquire(clientAddress, clock.instant()))
            throw ApiError.tooMany("troppe richieste da questo indirizzo, riprovare fra un'ora / too many requests from this address, try again in an hour",
                    java.time.Duration.ofHours(1));
        byEmail(email).ifPresent(a -> sendReset(a, "Micro Smart Grid: nuova password / new password"));
    }

    private void sendReset(Account a, String subject) {
        String token = Secrets.newSecret();
        db.update("INSERT INTO one_time_token (token_hash, account_id, purpose, expires) VALUES (?, ?, 'RESET', ?)",
                Secrets.digest(token), a.id(), clock.millis() + RESET_VALID.toMillis());
        mail(a.email(), subject,
                "Per scegliere una nuova password apri " + publicUrl + "/#reset=" + token + "\n"
                + "oppure inserisci il codice: " + token + "\n(valido un'ora; se non l'hai chiesto tu, ignora questa mail)\n\n"
                + "To choose a new password open " + publicUrl + "/#reset=" + token + "\n"
                + "or enter the code: " + token + "\n(valid for one hour; if you did not ask for it, ignore this mail)\n");
        LOG.info("account {}: password reset code sent", a.id());
    }

    /** Sets the new password, confirms the address (the code came by mail) and ends every session of the account. */
    public void reset(String token, char[] password) {
        String accountId = consumePeek(token, "RESET");
        Account a = account(accountId).orElseThrow(() -> ApiError.badRequest("codice non valido / invalid code"));
        checkPassword(password, a.email());
        String hash = hasher.hash(password);
        consume(token, "RESET");
        db.tx(c -> {
            Db.update(c, "UPDATE account SET password_hash = ?, verified = TRUE WHERE id = ?", hash, accountId);
            Db.update(c, "DELETE FROM web_session WHERE account_id = ?", accountId);
            Db.update(c, "DELETE FROM one_time_token WHERE account_id = ? AND purpose = 'RESET'", accountId);
            return null;
        });
        LOG.info("account {}: password reset, sessions ended", accountId);
    }

    // ---- roles and staff ---------------------------------------------------------------------------------------

    public Account addRole(String accountId, Role role) {
        Account a = account(accountId).orElseThrow(() -> ApiError.notFound("nessun account / no such account"));
        Set<Role> roles = EnumSet.copyOf(a.roles());
        roles.add(role);
        db.update("UPDATE account SET roles = ? WHERE id = ?", join(roles), accountId);
        return account(accountId).orElseThrow();
    }

    public Account setRoles(String accountId, Set<Role> wanted) {
        account(accountId).orElseThrow(() -> ApiError.notFound("nessun account / no such account"));
        Set<Role> roles = EnumSet.of(Role.CITIZEN);
        roles.addAll(wanted);
        db.update("UPDATE account SET roles = ? WHERE id = ?", join(roles), accountId);
        return account(accountId).orElseThrow();
    }

    /**
     * The staff list (configuration): makes sure the address has an account with the role. A new account has no
     * password: its owner receives a code by mail and chooses one (no default password ever exists).
     */
    public void ensureStaff(String emailText, Role role) {
        String email = email(emailText);
        Optional<Account> a = byEmail(email);
        if (a.isPresent()) {
            if (!a.get().verified()) {
                // someone may have signed up with the staff address before its owner: that password must not gain
                // the role. It is cleared and the owner of the mailbox chooses one.
                db.tx(c -> {
                    Db.update(c, "UPDATE account SET password_hash = NULL WHERE id = ?", a.get().id());
                    Db.update(c, "DELETE FROM web_session WHERE account_id = ?", a.get().id());
                    Db.update(c, "DELETE FROM one_time_token WHERE account_id = ?", a.get().id());
                    return null;
                });
                addRole(a.get().id(), role);
                LOG.info("account {} (unconfirmed) granted {} by the staff list; its password was cleared", a.get().id(), role);
                sendReset(a.get(), "Micro Smart Grid: scegli la password / choose your password");
                return;
            }
            if (!a.get().has(role)) {
                addRole(a.get().id(), role);
                LOG.info("account {} granted {} by the staff list", a.get().id(), role);
            }
            return;
        }
        String id = UUID.randomUUID().toString();
        String name = role == Role.OPERATOR ? "Operatore / Operator" : role == Role.MODERATOR ? "Moderatore / Moderator" : "Staff";
        db.update("INSERT INTO account (id, email, display_name, password_hash, roles, verified, created) "
                + "VALUES (?, ?, ?, NULL, ?, FALSE, ?)", id, email, name, join(EnumSet.of(Role.CITIZEN, role)), clock.millis());
        LOG.info("account {} created by the staff list as {}", id, role);
        sendReset(account(id).orElseThrow(), "Micro Smart Grid: scegli la password / choose your password");
    }

    // ---- personal data -----------------------------------------------------------------------------------------

    /** Asks for the password again before something that cannot be undone (deleting the account). Throttled. */
    public void confirmPassword(Account a, char[] password) {
        Instant now = clock.instant();
        String key = "a:" + Secrets.digest(a.email());
        Optional<Duration> wait = byAccount.attempt(key, now);
        if (wait.isPresent()) throw ApiError.tooMany("troppi tentativi / too many attempts", wait.get());
        String stored = db.one("SELECT password_hash FROM account WHERE id = ?", rs -> rs.getString(1), a.id()).orElse(null);
        if (!hasher.matches(stored, password))
            throw new ApiError(401, "Accesso negato / Login failed", "password errata / wrong password");
        byAccount.succeeded(key);
    }

    /** Deletes the account; sessions, codes and favourites go with it, authored rows lose their author. */
    public void delete(Account a) {
        db.update("DELETE FROM account WHERE id = ?", a.id());
        LOG.info("account {} deleted by its owner", a.id());
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public Optional<Account> account(String id) {
        return db.one("SELECT id, email, display_name, roles, verified, created FROM account WHERE id = ?", Accounts::read, id);
    }

    public Optional<Account> byEmail(String email) {
        return db.one("SELECT id, email, display_name, roles, verified, created FROM account WHERE email = ?",
                Accounts::read, email.toLowerCase(Locale.ROOT));
    }

    static Account read(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : rs.getString(4).split(",")) if (!r.isBlank()) roles.add(Role.valueOf(r));
        return new Account(rs.getString(1), rs.getString(2), rs.getString(3), roles, rs.getBoolean(5), rs.getLong(6));
    }

    private static String join(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    public static String email(String text) {
        String e = Text.check("email", text, 3, 254, false).toLowerCase(Locale.ROOT);
        try {
            InternetAddress a = new InternetAddress(e, true);
            if (!e.equals(a.getAddress()) || e.indexOf('@') < 1 || e.chars().anyMatch(ch -> ch <= ' ' || ch == '"'))
                throw new AddressException();
        } catch (AddressException x) {
            throw ApiError.badRequest("email: indirizzo non valido / invalid address");
        }
        return e;
    }

    static void checkPassword(char[] password, String email) {
        if (password == null) throw ApiError.badRequest("password: obbligatoria / required");
        if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
            throw ApiError.badRequest("password: da " + PASSWORD_MIN + " a " + PASSWORD_MAX + " caratteri / "
                    + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters");
        if (new String(password).equalsIgnoreCase(email))
            throw ApiError.badRequest("password: non può essere l'indirizzo e-mail / must not be the e-mail address");
    }

    /** Uses a one-time code: valid, of this purpose, not expired; it cannot be used again. */
    private String consume(String token, String purpose) {
        String accountId = consumePeek(token, purpose);
        if (db.update("DELETE FROM one_time_token WHERE token_hash = ?", Secrets.digest(token)) != 1)
            throw ApiError.badRequest("codice non valido o già usato / invalid or used code");
        return accountId;
    }

    private String consumePeek(String token, String purpose) {
        if (!Secrets.wellFormed(token)) throw ApiError.badRequest("codice non valido / invalid code");
        return db.one("SELECT account_id FROM one_time_token WHERE token_hash = ? AND purpose = ? AND expires > ?",
                rs -> rs.getString(1), Secrets.digest(token), purpose, clock.millis())
                .orElseThrow(() -> ApiError.badRequest("codice non valido, scaduto o già usato / invalid, expired or used code"));
    }

    private void mail(String to, String subject, String body) {
        try {
            mailer.send(to, subject, body);
        } catch (Mailer.MailFailed e) {
            LOG.warn("mail not sent: {}", e.getMessage()); // never the address
            throw new ApiError(503, "Servizio non disponibile / Service unavailable",
                    "impossibile inviare la mail, riprovare più tardi / could not send the mail, try again later");
        }
    }
}
