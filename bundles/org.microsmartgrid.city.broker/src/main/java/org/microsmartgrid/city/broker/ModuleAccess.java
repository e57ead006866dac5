package org.microsmartgrid.city.broker;

import java.util.function.Supplier;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;

/**
 * Who may connect and what they may touch. A module connects with user name = its client id and its issued password;
 * it may publish only under {@code {account}/{client}/...} and {@code $EDC/{account}/{client}/...}, and subscribe only
 * to its own {@code $EDC/{account}/{client}/...} (the requests addressed to it). No anonymous access.
 */
final class ModuleAccess implements IAuthenticator, IAuthorizatorPolicy {

    private final Supplier<ModuleCredentials> credentials;

    ModuleAccess(Supplier<ModuleCredentials> credentials) {
        this.credentials = credentials;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (clientId == null || !clientId.equals(username)) return false;
        return credentials.get().byClient(clientId).map(c -> c.matches(password)).orElse(false);
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        String t = topic.toString();
        if (t.contains("+") || t.contains("#")) return false;
        return own(user, client).map(c -> t.startsWith(c.account() + "/" + c.clientId() + "/")
                || t.startsWith("$EDC/" + c.account() + "/" + c.clientId() + "/")).orElse(false);
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        String t = topic.toString();
        // the prefix is literal (credential names hold no wildcards): wildcards can only come below it
        return own(user, client).map(c -> t.startsWith("$EDC/" + c.account() + "/" + c.clientId() + "/")).orElse(false);
    }

    private java.util.Optional<ModuleCredential> own(String user, String client) {
        if (client == null || !client.equals(user)) return java.util.Optional.empty();
        return credentials.get().byClient(client);
    }
}
