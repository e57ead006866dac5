package org.microsmartgrid.city.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.microsmartgrid.city.people.Client.json;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microsmartgrid.city.people.account.Role;

/** Photos: checked by content and size, re-encoded without metadata, public only after moderation. */
class PhotoTest {

    static TestCity city;
    static Client provider;
    static Client moderator;
    static String listing;
    static final String GPS = "GPS 45.4612345N 9.1923456E home of Giulia";

    @BeforeAll
    static void start() throws Exception {
        city = new TestCity();
        provider = city.person("photo-p@example.org", Role.PROVIDER);
        moderator = city.person("photo-m@example.org", Role.MODERATOR);
        listing = provider.post("/api/v1/listings", Listings.courtyard().toString()).json().get("id").getAsString();
        moderator.post("/api/v1/moderation/listings/" + listing + "/approve", null);
    }

    @AfterAll
    static void stop() throws Exception {
        city.close();
    }

    static byte[] image(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) for (int y = 0; y < h; y++) img.setRGB(x, y, new Color(x % 256, y % 256, 90).getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF segment right after SOI that carries a (fake) GPS position as text. */
    static byte[] jpegWithExif() throws Exception {
        byte[] jpeg = image("jpeg", 2400, 1200);
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\b" + GPS).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        b.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (payload.length + 2)).put(payload);
        b.put(jpeg, 2, jpeg.length - 2);
        return b.array();
    }

    private static Client.Response upload(Client c, byte[] bytes, String type) throws Exception {
        return c.send("POST", "/api/v1/listings/" + listing + "/photos", bytes, type);
    }

    @Test
    void aPhotoIsReencodedWithoutMetadataAndPublicOnlyAfterApproval() throws Exception {
        byte[] upload = jpegWithExif();
        assertTrue(new String(upload, StandardCharsets.ISO_8859_1).contains(GPS));
        var r = upload(provider, upload, "image/jpeg");
        assertEquals(201, r.status(), r.text());
        assertEquals("PENDING", r.json().get("status").getAsString());
        assertEquals(1600, r.json().get("width").getAsInt(), "scaled to 1600 px");
        assertEquals(800, r.json().get("height").getAsInt());
        String id = r.json().get("id").getAsString();

        Client anyone = city.client();
        assertEquals(404, anyone.get("/api/v1/photos/" + id).status(), "not public before approval");
        assertEquals(0, anyone.get("/api/v1/points/" + listing + "/photos").json().getAsJsonArray("items").size());
        var own = provider.get("/api/v1/photos/" + id);
        assertEquals(200, own.status(), "its owner sees it");
        assertTrue(moderator.get("/api/v1/moderation/queue").text().contains(id));
        assertEquals(200, moderator.post("/api/v1/moderation/photos/" + id + "/approve", null).status());

        var served = anyone.get("/api/v1/photos/" + id);
        assertEquals(200, served.status());
        assertEquals("image/jpeg", served.type());
        byte[] jpeg = served.raw().body();
        String text = new String(jpeg, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(GPS), "the GPS position is gone");
        assertFalse(text.contains("Exif"), "no EXIF segment at all");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(1600, back.getWidth());
        assertEquals(1, anyone.get("/api/v1/points/" + listing + "/photos").json().getAsJsonArray("items").size());
    }

    @Test
    void aPngIsAcceptedAndAPolyglotLosesItsPayload() throws Exception {
        byte[] png = image("png", 300, 200);
        byte[] polyglot = new byte[png.length + 40];
        System.arraycopy(png, 0, polyglot, 0, png.length);
        byte[] html = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(html, 0, polyglot, png.length, html.length);
        var r = upload(provider, polyglot, "image/png");
        assertEquals(201, r.status(), r.text());
        byte[] stored = provider.get("/api/v1/photos/" + r.json().get("id").getAsString()).raw().body();
        assertEquals(0xFF, stored[0] & 0xFF, "stored as JPEG");
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("<script>"));
    }

    @Test
    void fakeOversizedAndBombImagesAreRefusedAndStoreNothing() throws Exception {
        long before = city.db.count("SELECT COUNT(*) FROM photo");
        var r = upload(provider, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        assertEquals(415, r.status(), "not an image, whatever the type says");
        assertEquals(415, upload(provider, image("png", 10, 10), "text/html").status());
        byte[] truncated = image("jpeg", 200, 200);
        assertEquals(400, upload(provider, java.util.Arrays.copyOf(truncated, 40), "image/jpeg").status(), "truncated");
        assertEquals(413, upload(provider, new byte[6 * 1024 * 1024], "image/jpeg").status());
        assertEquals(400, upload(provider, pngClaiming(60_000, 60_000), "image/png").status(), "3.6 gigapixels by the header");
        Client other = city.person("photo-o@example.org", Role.PROVIDER);
        assertEquals(404, upload(other, image("png", 10, 10), "image/png").status(), "another's listing");
        assertEquals(403, upload(city.person("photo-c@example.org"), image("png", 10, 10), "image/png").status());
        assertEquals(before, city.db.count("SELECT COUNT(*) FROM photo"));
    }

    /** A tiny PNG whose header claims an enormous image (a decompression bomb's opening). */
    static byte[] pngClaiming(int w, int h) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25 + 12 + 12);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(b, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        chunk(b, "IDAT", new byte[0]);
        chunk(b, "IEND", new byte[0]);
        return b.array();
    }

    private static void chunk(ByteBuffer b, String type, byte[] data) {
        b.putInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        b.put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
    }
}
