package org.microsmartgrid.city.ocpi.model;

/** OCPI 2.2.1 DisplayText class (types): ISO 639-1 language and up to 512 characters of plain text. */
public record DisplayText(String language, String text) {
}
