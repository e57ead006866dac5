package org.microsmartgrid.city.people.listing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.microsmartgrid.city.people.web.ApiError;

/**
 * Turns an uploaded photo into what the city stores and serves: the bytes must be a JPEG or PNG (by content, not by
 * the declared type), no larger than {@value #MAX_PIXELS} pixels by the header (checked before decoding: no
 * decompression bombs), then the pixels alone are re-encoded as a fresh JPEG at most {@value #MAX_SIDE} px on the
 * longest side. Nothing of the upload survives but the picture: EXIF, the GPS position, comments, ICC profiles,
 * anything appended after the image (polyglot files) are gone. The JDK's ImageIO does it.
 */
public final class PhotoImages {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_SIDE = 1600;

    public record Encoded(byte[] jpeg, int width, int height) {
    }

    private PhotoImages() {
    }

    public static Encoded reencode(byte[] upload) {
        String format = sniff(upload);
        if (format == null) throw unsupported();
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) throw unsupported();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // ignore metadata: never parsed, never kept
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w < 1 || h < 1 || w * h > MAX_PIXELS)
                    throw ApiError.badRequest("foto troppo grande / photo too large: at most " + MAX_PIXELS / 1_000_000 + " megapixels");
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiError a) throw a;
            throw ApiError.badRequest("immagine illeggibile / unreadable image");
        }
        return encode(scaled(image));
    }

    /** JPEG starts FF D8 FF, PNG with its 8-byte signature; anything else is refused whatever its Content-Type. */
    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "jpeg";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (b.length > 8) {
            for (int i = 0; i < 8; i++) if (b[i] != png[i]) return null;
            return "png";
        }
        return null;
    }

    private static BufferedImage scaled(BufferedImage src) {
        double f = Math.min(1.0, (double) MAX_SIDE / Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * f));
        int h = Math.max(1, (int) Math.round(src.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB); // no alpha in JPEG: on white
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static Encoded encode(BufferedImage img) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(img, null, null), p); // no metadata given: none written but JFIF's
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return new Encoded(bytes.toByteArray(), img.getWidth(), img.getHeight());
    }

    private static ApiError unsupported() {
        return new ApiError(415, "Tipo non supportato / Unsupported media type",
                "solo foto JPEG o PNG / only JPEG or PNG photos");
    }
}
