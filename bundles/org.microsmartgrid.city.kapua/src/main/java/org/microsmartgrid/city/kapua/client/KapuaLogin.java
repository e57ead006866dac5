package org.microsmartgrid.city.kapua.client;

/**
 * How the client logs in: a user and password ({@code POST /v1/authentication/user}) or an API key
 * ({@code POST /v1/authentication/apikey}). {@link #toString()} never shows the secret.
 */
public record KapuaLogin(String username, String password, String apiKey) {

    public KapuaLogin {
        boolean user = username != null && !username.isBlank();
        boolean key = apiKey != null && !apiKey.isBlank();
        if (user == key)
            throw new IllegalArgumentException("give either a Kapua user with its password or an API key, not "
                    + (user ? "both" : "neither") + " / indicare utente e password oppure una API key");
        if (user && (password == null || password.isEmpty()))
            throw new IllegalArgumentException("the Kapua user " + username + " has no password / utente senza password");
    }

    public static KapuaLogin user(String username, String password) {
        return new KapuaLogin(username, password, null);
    }

    public static KapuaLogin apiKey(String apiKey) {
        return new KapuaLogin(null, null, apiKey);
    }

    public boolean withApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return withApiKey() ? "KapuaLogin[API key]" : "KapuaLogin[user " + username + "]";
    }
}
