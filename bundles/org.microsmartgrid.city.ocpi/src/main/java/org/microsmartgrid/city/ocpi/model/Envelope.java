package org.microsmartgrid.city.ocpi.model;

/**
 * The OCPI response format (transport_and_format, "Response format"): every answer, success or error, is wrapped in it.
 *
 * @param data          the object or list; null (left out) on errors
 * @param statusCode    OCPI status code: 1000 success, 2xxx client errors, 3xxx server errors
 * @param statusMessage what happened, in Italian and English
 * @param timestamp     when the message was generated (OCPI DateTime)
 */
public record Envelope(Object data, int statusCode, String statusMessage, String timestamp) {
}
