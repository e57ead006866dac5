package org.microsmartgrid.cloud.kapua.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class KuraTopicsTest {

    private final KuraTopics t = new KuraTopics("milano", "AA:BB:CC:00:11:22");

    @Test
    void lifecycleDataAndReplyTopicsFollowKura() {
        assertEquals("$EDC/milano/AA:BB:CC:00:11:22/MQTT/BIRTH", t.birth());
        assertEquals("$EDC/milano/AA:BB:CC:00:11:22/MQTT/APPS", t.apps());
        assertEquals("$EDC/milano/AA:BB:CC:00:11:22/MQTT/DC", t.disconnect());
        assertEquals("$EDC/milano/AA:BB:CC:00:11:22/MQTT/LWT", t.lastWill());
        assertEquals("$EDC/milano/AA:BB:CC:00:11:22/#", t.controlFilter());
        assertEquals("milano/AA:BB:CC:00:11:22/msg/sockets/3", t.data("msg", "sockets/3"));
        assertEquals("$EDC/milano/console-1/CONF-V1/REPLY/42", t.reply("console-1", "CONF-V1", "42"));
    }

    @Test
    void requestsAreParsedAndEverythingElseIgnored() {
        KuraTopics.Request r = t.parseRequest("$EDC/milano/AA:BB:CC:00:11:22/CONF-V1/GET/configurations/x.y")
                .orElseThrow();
        assertEquals("CONF-V1", r.appId());
        assertEquals("GET", r.method());
        assertEquals(List.of("configurations", "x.y"), r.resources());
        assertEquals(List.of(), t.parseRequest("$EDC/milano/AA:BB:CC:00:11:22/DEPLOY-V2/EXEC").orElseThrow().resources());

        assertTrue(t.parseRequest("$EDC/milano/AA:BB:CC:00:11:22/MQTT/BIRTH").isEmpty(), "our own BIRTH echoed");
        assertTrue(t.parseRequest("$EDC/milano/AA:BB:CC:00:11:22/CONF-V1/REPLY/1").isEmpty(), "a reply");
        assertTrue(t.parseRequest("$EDC/milano/other/CONF-V1/GET/x").isEmpty(), "another device");
        assertTrue(t.parseRequest("$EDC/roma/AA:BB:CC:00:11:22/CONF-V1/GET").isEmpty(), "another account");
        assertTrue(t.parseRequest("milano/AA:BB:CC:00:11:22/CONF-V1/GET").isEmpty(), "a data topic");
        assertTrue(t.parseRequest("$EDC/milano/AA:BB:CC:00:11:22//GET").isEmpty(), "no app id");
    }

    @Test
    void levelsWithSeparatorsOrWildcardsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KuraTopics("a/b", "c"));
        assertThrows(IllegalArgumentException.class, () -> new KuraTopics("a", "#"));
        assertThrows(IllegalArgumentException.class, () -> new KuraTopics(" ", "c"));
        assertThrows(IllegalArgumentException.class, () -> t.reply("x+y", "CONF-V1", "1"));
        assertThrows(IllegalArgumentException.class, () -> t.reply("x", "CONF-V1", "1/2"));
    }
}
