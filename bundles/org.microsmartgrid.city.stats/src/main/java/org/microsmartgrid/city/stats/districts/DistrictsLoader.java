package org.microsmartgrid.city.stats.districts;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Holds the districts in use and (re)reads them when the configuration names a file. A missing or invalid file is
 * refused as a whole: the districts in use stay (none at the first start), and the refusal is kept for the status.
 * Thread-safe: readers see one set of districts or the next, never a mix.
 */
public final class DistrictsLoader implements Supplier<Districts> {

    /** Larger than any city's districts file (Milan's nine Municipi are well under 2 MB as GeoJSON). */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private volatile Districts current = Districts.none();
    private volatile DistrictsStatus status = new DistrictsStatus("", List.of(), null);

    /** @return the status after reading; {@code error() != null} when the file was refused */
    public synchronized DistrictsStatus load(String file, String nameProperty) {
        String path = file == null ? "" : file.strip();
        if (path.isEmpty()) {
            current = Districts.none();
            status = new DistrictsStatus("", List.of(), null);
            return status;
        }
        String error;
        try {
            if (java.nio.file.Files.size(Path.of(path)) > MAX_BYTES)
                throw new IllegalArgumentException("più grande di / larger than " + MAX_BYTES / 1024 / 1024 + " MB");
            Districts d = GeoJsonDistricts.read(Path.of(path), nameProperty);
            current = d;
            status = new DistrictsStatus(path, d.names(), null);
            return status;
        } catch (NoSuchFileException e) {
            error = "file dei quartieri mancante / districts file missing: " + path;
        } catch (IOException | java.nio.file.InvalidPathException e) {
            error = "file dei quartieri illeggibile / districts file unreadable: " + path + ": " + e.getMessage();
        } catch (IllegalArgumentException e) {
            error = "file dei quartieri non valido / districts file invalid: " + path + ": " + e.getMessage();
        }
        status = new DistrictsStatus(path, current.names(), error);
        return status;
    }

    @Override
    public Districts get() {
        return current;
    }

    public DistrictsStatus status() {
        return status;
    }
}
