package org.microsmartgrid.building.notify.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings parse(String host, int port, String from, String to, String types, int quiet) {
        return MailSettings.parse(host, port, true, "", "", from, to, "", types, true, quiet);
    }

    @Test
    void anInstallersTypicalEntryIsTakenTrimmedAndWithoutRepeats() {
        MailSettings s = MailSettings.parse(" smtp.example.org ", 587, true, " modulo ", "secret", " modulo@example.org",
                "amministratore@example.org, portineria@example.org ,amministratore@example.org,", " Via Larga 12 ",
                "smoke, Flood", false, 10);
        assertEquals("smtp.example.org", s.host());
        assertEquals(List.of("amministratore@example.org", "portineria@example.org"), s.to());
        assertEquals("Via Larga 12", s.siteName());
        assertTrue(s.wants("SMOKE") && s.wants("FLOOD"));
        assertFalse(s.wants("PIR"), "only the types named");
        assertEquals(Duration.ofMinutes(10), s.quiet());
        assertTrue(parse("smtp.example.org", 25, "a@example.org", "b@example.org", "", 0).wants("PIR"),
                "no types named: every type");
    }

    @Test
    void everyMistakeIsNamedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("", 70000, "not an address", "", "SMOKE, FIRE", 2000));
        String m = e.getMessage();
        for (String expected : List.of("smtp.host is empty", "smtp.port = 70000", "from = not an address",
                "to is empty", "types: FIRE is not one of", "quiet.minutes = 2000"))
            assertTrue(m.contains(expected), expected + " in: " + m);
    }

    @Test
    void anAddressCannotSmuggleHeadersOrNames() {
        for (String to : List.of("a@example.org\r\nBcc: all@example.org", "Anna <a@example.org>", "a@", "@b.org",
                "a@example.org; b@example.org")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> parse("smtp.example.org", 587, "m@example.org", to, "", 10), to);
            assertTrue(e.getMessage().contains("is not an e-mail address"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> parse("smtp.example.org\r\nX: y", 587, "m@example.org", "a@example.org", "", 10));
    }

    @Test
    void aSiteNameInItalianIsTakenButALineBreakCannotStartAHeader() {
        assertEquals("Condominio \"Più Verde\" — cortile", MailSettings.parse("smtp.example.org", 587, true, "", "",
                "m@example.org", "a@example.org", "Condominio \"Più Verde\" — cortile", "", true, 10).siteName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MailSettings.parse(
                "smtp.example.org", 587, true, "", "", "m@example.org", "a@example.org", "Via Larga\r\nBcc: x@example.org",
                "", true, 10));
        assertTrue(e.getMessage().contains("site.name has a control character"), e.getMessage());
    }

    @Test
    void atMostTenContacts() {
        StringBuilder to = new StringBuilder();
        for (int i = 0; i < 11; i++) to.append("c").append(i).append("@example.org,");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("smtp.example.org", 587, "m@example.org", to.toString(), "", 10));
        assertTrue(e.getMessage().contains("at most 10"), e.getMessage());
    }
}
