package org.microsmartgrid.grid.balancer.prices;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/** Reads the prices' text from a file or an http(s) URL, never more than a size limit nor longer than a timeout. */
final class PriceFetch {

    private PriceFetch() {
    }

    static String file(Path path, int maxBytes) throws IOException {
        try {
            long size = Files.size(path);
            if (size > maxBytes) throw new IOException("price file " + path + " is " + size + " bytes, more than the "
                    + maxBytes + " bytes allowed (max.kib)");
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("price file " + path + " is missing");
        }
    }

    static String url(HttpClient client, URI uri, Duration timeout, int maxBytes) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "text/csv, text/plain")
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("price feed " + uri + ": interrupted");
        } catch (IOException e) {
            throw new IOException("price feed " + uri + " failed: " + e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200)
                throw new IOException("price feed " + uri + " answered HTTP " + response.statusCode());
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes)
                throw new IOException("price feed " + uri + " sent more than the " + maxBytes + " bytes allowed (max.kib)");
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
