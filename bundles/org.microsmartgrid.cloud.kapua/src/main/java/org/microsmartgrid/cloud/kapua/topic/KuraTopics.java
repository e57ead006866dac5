package org.microsmartgrid.cloud.kapua.topic;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The topics of one device in Kura's namespace (DESIGN.md §6): data under {@code {account}/{client}/}, control
 * under {@code $EDC/{account}/{client}/}.
 *
 * @param account the Kapua account name
 * @param client  the MQTT client id
 */
public record KuraTopics(String account, String client) {

    static final String CONTROL = "$EDC";
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DEL", "EXEC");

    public KuraTopics {
        requireLevel("account", account);
        requireLevel("client id", client);
    }

    /** A topic level may not be empty nor hold MQTT's separators or wildcards. */
    public static void requireLevel(String what, String level) {
        if (level == null || level.isBlank() || level.contains("/") || level.contains("+") || level.contains("#"))
            throw new IllegalArgumentException(what + " must be one non-empty topic level without / + #, got '"
                    + level + "'");
    }

    public String birth() {
        return lifecycle("BIRTH");
    }

    public String apps() {
        return lifecycle("APPS");
    }

    public String disconnect() {
        return lifecycle("DC");
    }

    public String lastWill() {
        return lifecycle("LWT");
    }

    /** What the device subscribes to: all of its control namespace. */
    public String controlFilter() {
        return CONTROL + "/" + account + "/" + client + "/#";
    }

    /** A data topic: {@code {account}/{client}/{appId}/{resource}}. */
    public String data(String appId, String resource) {
        return account + "/" + client + "/" + appId + "/" + resource;
    }

    /** Where the reply to a request goes: the requester's own namespace. */
    public String reply(String requesterClientId, String appId, String requestId) {
        requireLevel("requester.client.id", requesterClientId);
        requireLevel("request.id", requestId);
        return CONTROL + "/" + account + "/" + requesterClientId + "/" + appId + "/REPLY/" + requestId;
    }

    /**
     * Parses a request topic {@code $EDC/{account}/{client}/{appId}/{METHOD}/{resource...}} addressed to this device.
     * Empty for anything else (our own lifecycle topics echoed back, replies, malformed topics).
     */
    public Optional<Request> parseRequest(String topic) {
        List<String> levels = Arrays.asList(topic.split("/", -1));
        if (levels.size() < 5 || !CONTROL.equals(levels.get(0)) || !account.equals(levels.get(1))
                || !client.equals(levels.get(2)) || !METHODS.contains(levels.get(4)) || levels.get(3).isEmpty())
            return Optional.empty();
        return Optional.of(new Request(levels.get(3), levels.get(4), List.copyOf(levels.subList(5, levels.size()))));
    }

    private String lifecycle(String what) {
        return CONTROL + "/" + account + "/" + client + "/MQTT/" + what;
    }

    /** A request's address: application id, method and resource path. */
    public record Request(String appId, String method, List<String> resources) {
    }
}
